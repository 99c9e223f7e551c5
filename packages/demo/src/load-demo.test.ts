import { describe, expect, it } from 'vitest';
import type { DemoDirectory } from './directory.js';
import { generateMengchuang } from './generate-mengchuang.js';
import { loadDemo, type DemoLoaderSession, type DemoLoadStage } from './load-demo.js';

type Resource = keyof DemoLoaderSession;
interface Call {
  resource: Resource;
  input: Record<string, unknown>;
  id: string;
}

/** A fake session that records every create and hands out ids like `parks#3`. */
function recordingSession(failOn?: (resource: Resource, input: Record<string, unknown>) => boolean): DemoLoaderSession & { calls: Call[] } {
  const calls: Call[] = [];
  const resource = (name: Resource) => ({
    create: async (input: object): Promise<{ id: string }> => {
      const record = input as Record<string, unknown>;
      if (failOn?.(name, record)) throw new Error('conflict: already exists');
      const id = `${name}#${calls.filter((c) => c.resource === name).length + 1}`;
      calls.push({ resource: name, input: structuredClone(record), id });
      return { id };
    },
  });
  return {
    calls,
    communities: resource('communities'),
    parks: resource('parks'),
    buildings: resource('buildings'),
    enterprises: resource('enterprises'),
    teams: resource('teams'),
    members: resource('members'),
  };
}

const directory = generateMengchuang({ enterprises: 40 });

describe('loadDemo', () => {
  it('creates everything in dependency order, once each', async () => {
    const session = recordingSession();
    await loadDemo(session, directory);
    const order = session.calls.map((c) => c.resource).filter((r, i, all) => all[i - 1] !== r);
    expect(order).toEqual(['communities', 'parks', 'buildings', 'enterprises', 'teams', 'members']);
    const count = (r: Resource) => session.calls.filter((c) => c.resource === r).length;
    expect([count('communities'), count('parks'), count('buildings'), count('enterprises'), count('teams'), count('members')]).toEqual([
      1,
      62,
      95,
      40,
      1,
      directory.members.length,
    ]);
  });

  it('swaps codes for the ids the session returned', async () => {
    const session = recordingSession();
    const loaded = await loadDemo(session, directory);
    const idOf = (resource: Resource, key: string, value: string): string | undefined =>
      session.calls.find((c) => c.resource === resource && c.input[key] === value)?.id;

    expect(loaded.communityId).toBe('communities#1');
    for (const call of session.calls.filter((c) => c.resource === 'parks')) expect(call.input.communityId).toBe(loaded.communityId);

    for (const building of directory.buildings) {
      const call = session.calls.find((c) => c.resource === 'buildings' && c.input.code === building.code);
      expect(call?.input).toEqual({ parkId: loaded.parkIds.get(building.parkCode), code: building.code, name: building.name, floors: building.floors });
      expect(call?.input.parkId).toBe(idOf('parks', 'code', building.parkCode));
    }
    for (const enterprise of directory.enterprises) {
      const call = session.calls.find((c) => c.resource === 'enterprises' && c.input.creditCode === enterprise.creditCode);
      expect(call?.input).toEqual({
        creditCode: enterprise.creditCode,
        name: enterprise.name,
        communityId: loaded.communityId,
        parkId: enterprise.parkCode === null ? null : loaded.parkIds.get(enterprise.parkCode),
        buildingId: enterprise.buildingCode === null ? null : loaded.buildingIds.get(enterprise.buildingCode),
        industry: enterprise.industry,
        size: enterprise.size,
        tags: enterprise.tags,
      });
      expect(loaded.enterpriseIds.get(enterprise.creditCode)).toBe(call?.id);
    }
  });

  it('sends member roles with ids and leaves the display title out', async () => {
    const session = recordingSession();
    const loaded = await loadDemo(session, directory);
    const members = session.calls.filter((c) => c.resource === 'members');
    for (const call of members) expect(Object.keys(call.input).sort()).toEqual(['code', 'email', 'mobile', 'name', 'roles', 'status']);

    const captain = members.find((c) => c.input.code === 'MC-C001');
    expect(captain?.input.roles).toEqual([{ role: 'captain', parkIds: [loaded.parkIds.get('P01')] }]);
    const lawyer = members.find((c) => c.input.code === 'MC-P001');
    expect(lawyer?.input.roles).toEqual([{ role: 'provider', teamId: loaded.legalTeamId }]);
    const contact = members.find((c) => c.input.code === 'MC-E001');
    const contactOf = directory.members.find((m) => m.code === 'MC-E001')?.roles[0];
    expect(contactOf?.role).toBe('enterprise_contact');
    if (contactOf?.role === 'enterprise_contact') {
      expect(contact?.input.roles).toEqual([{ role: 'enterprise_contact', enterpriseId: loaded.enterpriseIds.get(contactOf.enterpriseCode) }]);
      expect(loaded.enterpriseContactIds.get(contactOf.enterpriseCode)).toBe(contact?.id);
    }
  });

  it('returns the ids examples need by role', async () => {
    const loaded = await loadDemo(recordingSession(), directory);
    const memberId = (code: string) => loaded.memberIds.get(code);
    expect(loaded.memberIds.size).toBe(directory.members.length);
    expect(loaded.stationHeadId).toBe(memberId('MC-S001'));
    expect(loaded.dispatcherIds).toEqual([memberId('MC-S002')]);
    expect(Object.fromEntries(loaded.commissionerIds)).toEqual({
      economic_development: memberId('MC-S003'),
      comprehensive_governance: memberId('MC-S004'),
      public_affairs: memberId('MC-S005'),
      party_building: memberId('MC-S006'),
    });
    expect(loaded.lawyerId).toBe(memberId('MC-P001'));
    expect(loaded.legalTeamId).toBe(loaded.teamIds.get('LEGAL'));
    expect(loaded.officeStaffIds).toEqual([memberId('CQ-S001'), memberId('CQ-S002')]);
    expect(loaded.captainIds.size).toBe(62);
    expect(loaded.captainIds.get('P62')).toBe(memberId('MC-C062'));
    expect(loaded.parkIds.size).toBe(62);
    expect(loaded.buildingIds.size).toBe(95);
    expect(loaded.enterpriseIds.size).toBe(40);
  });

  it('reports progress after every record, ending at the total', async () => {
    const reports: [number, number, DemoLoadStage][] = [];
    await loadDemo(recordingSession(), directory, { onProgress: (done, total, stage) => reports.push([done, total, stage]) });
    const total = 1 + 62 + 95 + 40 + 1 + directory.members.length;
    expect(reports).toHaveLength(total);
    expect(reports.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(reports.map(([, t]) => t))).toEqual(new Set([total]));
    expect(reports[0]?.[2]).toBe('community');
    expect(reports.at(-1)?.[2]).toBe('members');
  });

  it('refuses an inconsistent directory before writing anything', async () => {
    const broken: DemoDirectory = structuredClone(directory);
    const [first] = broken.enterprises;
    if (first) first.parkCode = 'P99';
    const session = recordingSession();
    await expect(loadDemo(session, broken)).rejects.toThrow(/unknown park 'P99'/);
    expect(session.calls).toEqual([]);

    const noLawyer: DemoDirectory = { ...structuredClone(directory), members: directory.members.filter((m) => m.code !== 'MC-P001') };
    await expect(loadDemo(session, noLawyer)).rejects.toThrow(/No member is a provider in the legal team LEGAL/);
    expect(session.calls).toEqual([]);
  });

  it('names the record the API refused and keeps the API error as the cause', async () => {
    const session = recordingSession((resource, input) => resource === 'parks' && input.code === 'P03');
    const failure = await loadDemo(session, directory).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('loadDemo: creating park P03 failed: conflict: already exists');
    expect(((failure as Error).cause as Error).message).toBe('conflict: already exists');
  });
});
