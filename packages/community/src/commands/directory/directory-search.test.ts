import { describe, expect, it } from 'vitest';
import { defaultAuthorizationPolicy } from '../../auth/authorization-policy.js';
import { expectSearchSemantics, searchAll, searchWorld } from '../../__fixtures__/directory-search-world.js';
import { rejection, thrown } from '../../__fixtures__/expect-error.js';
import { searchWhere } from './directory-search.js';

describe('directory search', () => {
  it('finds records by every word of the name or by the code prefix, on memory storage', async () => {
    await expectSearchSemantics(await searchWorld());
  });

  it('spreads the code prefix over one OR group per word, with each Latin word in three cases', () => {
    expect(searchWhere('  数像 Ab ')).toEqual([
      { or: [{ field: 'name', op: 'contains', value: '数像' }, { field: 'code', op: 'starts_with', value: '数像 AB' }] },
      {
        or: [
          { field: 'name', op: 'contains', value: 'Ab' },
          { field: 'name', op: 'contains', value: 'AB' },
          { field: 'name', op: 'contains', value: 'ab' },
          { field: 'code', op: 'starts_with', value: '数像 AB' },
        ],
      },
    ]);
    expect(searchWhere(' \n ')).toEqual([]);
  });

  it('refuses a search longer than 100 characters with VALIDATION_FAILED naming search', async () => {
    expect(searchWhere('科'.repeat(100))).toHaveLength(1);
    const error = thrown(() => searchWhere('科'.repeat(101)), 'VALIDATION_FAILED');
    expect(error.message).toContain('search');
    expect(error.details.issues?.[0]?.path).toEqual(['search']);
    const w = await searchWorld();
    await rejection(w.system.enterprises.list({ search: 'x'.repeat(101) }), 'VALIDATION_FAILED');
  });

  it('refuses a search that is not text, from a caller without types, with VALIDATION_FAILED naming search', async () => {
    const w = await searchWorld();
    const error = await rejection(w.system.enterprises.list(JSON.parse('{"search":["科技"]}') as { search: string }), 'VALIDATION_FAILED');
    expect(error.details.issues?.[0]).toMatchObject({ path: ['search'], code: 'invalid_type' });
    // Left out, as a caller does who does not search.
    expect((await w.system.enterprises.list({})).items.length).toBeGreaterThan(0);
  });

  it('keeps the policy narrowing: a contact finds only their own enterprise, even by its code', async () => {
    const w = await searchWorld();
    const contact = w.as(w.members.contact.id);
    expect((await searchAll(contact, { search: w.ent1.code })).map((e) => e.id)).toEqual([w.ent1.id]);
    expect(await searchAll(contact, { search: '科技' })).toEqual([expect.objectContaining({ id: w.ent1.id })]);
    expect(await searchAll(contact, { search: 'abc' })).toEqual([]);
  });

  it('refuses to search by a name the policy withholds (FORBIDDEN), so names cannot be guessed', async () => {
    const w = await searchWorld({
      authorization: {
        ...defaultAuthorizationPolicy,
        directoryAccess: (actor, model) => (model === 'member' && actor.member?.code === 'E001' ? { withheld: { name: '' } } : {}),
      },
    });
    const contact = w.as(w.members.contact.id);
    const error = await rejection(contact.members.list({ search: '王' }), 'FORBIDDEN');
    expect(error.message).toContain("'name'");
    expect((await contact.members.list({ search: ' ' })).items.length).toBeGreaterThan(0);
    expect((await contact.enterprises.list({ search: '杭州' })).items.length).toBeGreaterThan(0);
  });
});
