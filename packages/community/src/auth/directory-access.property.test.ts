import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommunity } from '../community.js';
import type { MemberRole } from '../model/member.js';
import { creditCodeCheckCharacter } from '../model/credit-code.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { readApi, walk } from '../__fixtures__/directory-personas.js';

/**
 * For random directories, an enterprise contact who walks every page of the member and
 * enterprise lists (any page size, archived records or not) sees their own enterprises and
 * nobody else's, no other company's contacts, and no mobile, e-mail or notification address
 * but their own.
 */

type RoleSpec = { role: 'station_head' | 'dispatcher' | 'office_staff' | 'commissioner' | 'captain' | 'provider' } | { role: 'enterprise_contact'; enterprise: number };

const roleSpec = (enterprises: number): fc.Arbitrary<RoleSpec> =>
  fc.oneof(
    fc.constantFrom<RoleSpec>({ role: 'station_head' }, { role: 'dispatcher' }, { role: 'office_staff' }, { role: 'commissioner' }, { role: 'captain' }, { role: 'provider' }),
    fc.nat(enterprises - 1).map((enterprise): RoleSpec => ({ role: 'enterprise_contact', enterprise })),
  );

const directory = fc.integer({ min: 1, max: 5 }).chain((enterprises) =>
  fc.record({
    archivedEnterprises: fc.uniqueArray(fc.nat(enterprises - 1)),
    members: fc.array(
      fc.record({
        roles: fc.uniqueArray(roleSpec(enterprises), { minLength: 1, maxLength: 3, selector: (r) => JSON.stringify(r) }),
        details: fc.boolean(),
        archived: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
    contactOf: fc.uniqueArray(fc.nat(enterprises - 1), { minLength: 1, maxLength: 2 }),
    limit: fc.integer({ min: 1, max: 4 }),
    includeArchived: fc.boolean(),
  }).map((d) => ({ ...d, enterprises })),
);

describe('an enterprise contact walking the directory (property)', () => {
  it('never sees another company, nor anyone else’s mobile, e-mail or contact address', async () => {
    await fc.assert(
      fc.asyncProperty(directory, async (d) => {
        const community = createCommunity({ storage: memoryStorage() });
        const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
        const system = community.as({ kind: 'system', officeId: office.id });
        const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
        const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇' });
        const team = await system.teams.create({ code: 'LEGAL', name: '法律驿站' });
        const enterpriseIds: string[] = [];
        for (let i = 0; i < d.enterprises; i++) {
          const body = `91330110MA2H3Q${String(100 + i)}`;
          const created = await system.enterprises.create({ creditCode: body + creditCodeCheckCharacter(body), name: `企业${i}`, communityId: mc.id });
          enterpriseIds.push(created.id);
        }
        const toRole = (r: RoleSpec): MemberRole =>
          r.role === 'enterprise_contact'
            ? { role: r.role, enterpriseId: enterpriseIds[r.enterprise]! }
            : r.role === 'captain'
              ? { role: r.role, parkIds: [park.id] }
              : r.role === 'provider'
                ? { role: r.role, teamId: team.id }
                : r.role === 'commissioner'
                  ? { role: r.role, portfolio: 'economic_development' }
                  : { role: r.role };
        const details = (i: number) => ({ mobile: `1380000${1000 + i}`, email: `m${100 + i}@pii.example.cn`, contacts: [{ channel: 'wecom', address: `wx-${100 + i}` }] });
        const members = [...d.members, { roles: d.contactOf.map((enterprise): RoleSpec => ({ role: 'enterprise_contact', enterprise })), details: true, archived: false }];
        const ids: string[] = [];
        for (const [i, m] of members.entries()) {
          const created = await system.members.create({ code: `M${100 + i}`, name: `成员${i}`, roles: m.roles.map(toRole), ...(m.details ? details(i) : {}) });
          ids.push(created.id);
          if (m.archived) await system.members.archive({ id: created.id });
        }
        // Archived once their contacts are recorded: an archived enterprise takes no new contacts.
        for (const i of d.archivedEnterprises) await system.enterprises.archive({ id: enterpriseIds[i]! });
        const me = members.length - 1;
        const session = community.as({ kind: 'member', officeId: office.id, memberId: ids[me]! });
        const options = { limit: d.limit, includeArchived: d.includeArchived };

        const ours = new Set(d.contactOf);
        const enterprises = await walk(readApi(session, 'enterprises'), options);
        const expectedEnterprises = [...ours].filter((i) => d.includeArchived || !d.archivedEnterprises.includes(i)).map((i) => enterpriseIds[i]);
        expect(enterprises.map((e) => e.id).sort()).toEqual(expectedEnterprises.sort());

        const seen = await walk(readApi(session, 'members'), options);
        expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
        const readable = members.flatMap((m, i) =>
          (d.includeArchived || !m.archived) && (i === me || m.roles.some((r) => r.role !== 'enterprise_contact' || ours.has(r.enterprise))) ? [ids[i]] : [],
        );
        expect(seen.map((m) => m.id).sort()).toEqual(readable.sort());
        const text = JSON.stringify(seen);
        for (const [i, m] of members.entries()) {
          if (i === me || !m.details) continue;
          const { mobile, email, contacts } = details(i);
          for (const leak of [mobile, email, contacts[0]!.address]) expect(text).not.toContain(leak);
        }
        expect(seen.find((m) => m.id === ids[me])).toMatchObject(details(me));
      }),
      { numRuns: 100 },
    );
  });
});
