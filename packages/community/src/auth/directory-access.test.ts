import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { PERSONAS, directoryWorld, leakedDetails, persona, readApi, readEverything, walk, type DirectoryWorld } from '../__fixtures__/directory-personas.js';
import { CREDIT_CODES, submission } from '../__fixtures__/small-office.js';
import { defaultAuthorizationPolicy, type AuthorizationPolicy } from './authorization-policy.js';

const codes = (records: { code: string }[]) => records.map((r) => r.code);

describe('reading the directory under the default policy (memoryStorage)', () => {
  let world: DirectoryWorld;
  const ready = (async () => (world = await directoryWorld()))();

  it.each(PERSONAS)('%s reads exactly what the policy allows, on every read path', async (name) => {
    await ready;
    const { memberId, sight } = persona(world, name);
    const received = await readEverything(world, memberId, sight);
    const leaked = memberId === null ? [] : await leakedDetails(world, memberId, received);
    if (sight.withheld) expect(leaked, `${name} saw others' details`).toEqual([]);
    // Everyone else reads the directory as stored, details included.
    else if (memberId !== null) expect(leaked.length, name).toBeGreaterThan(0);
  });

  it("shows an enterprise contact who handles their request, by name only", async () => {
    await ready;
    const contact = world.as(world.members.contact.id);
    const request = await contact.requests.submit(submission(world));
    await world.as(world.members.stationHead.id).requests.assign({ requestId: request.id, assigneeId: world.members.lead.id });
    const { request: seen } = await contact.requests.get(request.id);
    const lead = await contact.members.get(seen.assigneeId ?? '');
    expect(lead).toMatchObject({ name: '李律师', mobile: null, email: null, contacts: [] });
    expect((await world.system.members.get(world.members.lead.id)).mobile).not.toBeNull();
  });

  it('follows directory changes at once: a new staff member shows, a captain who becomes only a contact goes', async () => {
    const w = await directoryWorld();
    const contact = readApi(w.as(w.members.contact.id), 'members');
    expect(codes(await walk(contact, { limit: 50 }))).toContain('P02-C');
    await w.system.members.create({ code: 'S009', name: '新科员', roles: [{ role: 'office_staff' }] });
    await w.system.members.update({ id: w.members.otherCaptain.id, roles: [{ role: 'enterprise_contact', enterpriseId: w.ent2.id }] });
    const now = codes(await walk(contact, { limit: 50 }));
    expect(now).toContain('S009');
    expect(now).not.toContain('P02-C');
    await rejection(contact.get(w.members.otherCaptain.id), 'NOT_FOUND');
  });

  it('refuses to filter a list by a withheld field, which would tell its values one guess at a time', async () => {
    const policy: AuthorizationPolicy = {
      ...defaultAuthorizationPolicy,
      directoryAccess: (actor, model) => (model === 'member' && actor.kind === 'member' ? { withheld: { status: 'active' } } : {}),
    };
    const w = await directoryWorld({ authorization: policy });
    const error = await rejection(w.as(w.members.lead.id).members.list({ filter: { status: 'away' } }), 'FORBIDDEN');
    expect(error.message).toContain("'status'");
  });
});

describe('a policy of the host', () => {
  it('overriding directoryAccess decides what each actor reads', async () => {
    // Providers read only their own teams, and members without e-mail addresses.
    const policy: AuthorizationPolicy = {
      ...defaultAuthorizationPolicy,
      directoryAccess(actor, model) {
        if (!actor.roleNames.has('provider')) return defaultAuthorizationPolicy.directoryAccess?.(actor, model) ?? {};
        if (model === 'team') return { anyOf: [{ field: 'id', op: 'in', value: [...actor.teamIds] }] };
        return model === 'member' ? { withheld: { email: null } } : {};
      },
    };
    const w = await directoryWorld({ authorization: policy });
    const lawyer = w.as(w.members.lead.id);
    expect(codes((await lawyer.teams.list()).items)).toEqual(['LEGAL']);
    expect(await lawyer.teams.findByCode('TAX')).toBeNull();
    const members = (await lawyer.members.list({ limit: 100 })).items;
    expect(members.filter((m) => m.email !== null).map((m) => m.code)).toEqual(['L001']);
    expect(members.find((m) => m.code === 'S001')?.mobile).toMatch(/^139/);
    // Everyone else keeps the default: the contact still reads only their enterprise.
    expect(codes((await w.as(w.members.contact.id).enterprises.list()).items)).toEqual([CREDIT_CODES[0]]);
  });

  it('alsoMembers on a model other than members matches nothing, rather than everything', async () => {
    const w = await directoryWorld({ authorization: { ...defaultAuthorizationPolicy, directoryAccess: () => ({ alsoMembers: () => true }) } });
    const head = w.as(w.members.stationHead.id);
    expect((await head.parks.list()).items).toEqual([]);
    expect((await head.members.list({ limit: 100 })).items).toHaveLength(13);
  });

  it('written without directoryAccess, reads the directory as stored for everyone', async () => {
    const { directoryAccess: _, ...handWritten } = defaultAuthorizationPolicy;
    const w = await directoryWorld({ authorization: handWritten });
    await readEverything(w, persona(w, 'an enterprise contact').memberId, {});
  });
});
