import { describe, expect, it } from 'vitest';
import type { AssignTarget } from '../config/config-schema.js';
import type { Member, MemberRole, MemberStatus } from '../model/member.js';
import type { Team } from '../model/team.js';
import { thrown } from '../__fixtures__/expect-error.js';
import { facts } from './__fixtures__/routing-facts.js';
import { candidateMembers, resolveAssignment } from './resolve-assignment.js';
import type { AssignIntent, RoutingOutcome, RoutingSnapshot } from './types.js';

const at = new Date('2025-03-01T00:00:00Z');

function member(code: string, roles: MemberRole[], status: MemberStatus = 'active', archived = false): Member {
  return {
    id: `m-${code}`,
    officeId: 'o',
    code,
    version: 1,
    createdAt: at,
    updatedAt: at,
    archivedAt: archived ? at : null,
    name: code,
    mobile: null,
    email: null,
    roles,
    status,
  };
}

const legal: Team = { id: 't-legal', officeId: 'o', code: 'LEGAL', version: 1, createdAt: at, updatedAt: at, archivedAt: null, name: '公共法律服务驿站', kind: 'legal' };
const lawyer = (code: string, status: MemberStatus = 'active', archived = false): Member => member(code, [{ role: 'provider', teamId: legal.id }], status, archived);
const head = member('MC-S001', [{ role: 'station_head' }]);

const intent = (target: AssignTarget, ruleId: string | null = 'r'): AssignIntent => ({ source: ruleId === null ? 'fallback' : 'rule', ruleId, target });
const outcome = (...assign: AssignIntent[]): RoutingOutcome => ({ assign, assists: [], priority: null, sla: null, tags: [], watchers: [], matchedRuleIds: [], pluginActions: [] });
const fallback = intent({ role: 'station_head' }, null);

function snapshot(members: Member[], open: Record<string, number> = {}, last: Record<string, Date | null> = {}): RoutingSnapshot {
  return {
    members,
    teams: [legal],
    openCounts: new Map(Object.entries(open).map(([code, n]) => [`m-${code}`, n])),
    lastAssignedAt: new Map(Object.entries(last).map(([code, d]) => [`m-${code}`, d])),
  };
}

describe('candidateMembers', () => {
  const captainP01 = member('C01', [{ role: 'captain', parkIds: ['p-01', 'p-07'] }]);
  const captainP02 = member('C02', [{ role: 'captain', parkIds: ['p-02'] }]);
  const econ = member('MC-E01', [{ role: 'commissioner', portfolio: 'economic_development' }]);
  const all = { members: [head, captainP01, captainP02, econ, lawyer('L1'), lawyer('L2', 'away')], teams: [legal] };
  const codes = (target: AssignTarget, f = facts()) => candidateMembers(intent(target), all, f).map((m) => m.code);

  it('finds who could take each kind of target, including unavailable members', () => {
    expect(codes({ member: 'MC-S001' })).toEqual(['MC-S001']);
    expect(codes({ member: 'm-C02' })).toEqual(['C02']);
    expect(codes({ portfolio: 'economic_development' })).toEqual(['MC-E01']);
    expect(codes({ portfolio: 'party_building' })).toEqual([]);
    expect(codes({ captain: true })).toEqual(['C01']);
    expect(codes({ captain: true }, facts({ park: null }))).toEqual([]);
    expect(codes({ team: 'LEGAL', strategy: 'round_robin' })).toEqual(['L1', 'L2']);
    expect(codes({ team: 't-legal', strategy: 'least_loaded' })).toEqual(['L1', 'L2']);
    expect(codes({ team: 'NOPE', strategy: 'round_robin' })).toEqual([]);
    expect(codes({ role: 'station_head' })).toEqual(['MC-S001']);
    expect(codes({ role: 'dispatcher' })).toEqual([]);
  });
});

describe('resolveAssignment', () => {
  const rr = intent({ team: 'LEGAL', strategy: 'round_robin' }, 'legal_debts');
  const ll = intent({ team: 'LEGAL', strategy: 'least_loaded' }, 'legal_debts');

  it('round robin: the member assigned least recently through the team, never-assigned first, ties by code', () => {
    const team = [lawyer('L3'), lawyer('L1'), lawyer('L2')];
    const d = resolveAssignment(outcome(rr, fallback), snapshot(team, {}, { L1: new Date(5), L2: null }), facts());
    expect(d).toEqual({ memberId: 'm-L2', teamId: 't-legal', source: 'rule', ruleId: 'legal_debts', reason: 'rule legal_debts: team LEGAL, round robin → L2', skipped: [] });
    const tie = resolveAssignment(outcome(rr), snapshot(team, {}, { L1: new Date(5), L2: new Date(1), L3: new Date(1) }), facts());
    expect(tie.memberId).toBe('m-L2');
  });

  it('round robin is fair: 1,000 assignments over a team of 3 give each member 333 or 334', () => {
    const team = [lawyer('L1'), lawyer('L2'), lawyer('L3')];
    const last = new Map<string, Date | null>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const d = resolveAssignment(outcome(rr, fallback), { members: team, teams: [legal], openCounts: new Map(), lastAssignedAt: last }, facts());
      expect(d.memberId).not.toBeNull();
      last.set(d.memberId as string, new Date(at.getTime() + i * 60_000));
      counts.set(d.memberId as string, (counts.get(d.memberId as string) ?? 0) + 1);
    }
    const values = [...counts.values()];
    expect(values).toHaveLength(3);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    for (const n of values) expect(Math.abs(n - 1000 / 3)).toBeLessThanOrEqual(1);
  });

  it('least loaded: fewest open requests, then least recently assigned, then code', () => {
    const team = [lawyer('L1'), lawyer('L2'), lawyer('L3')];
    expect(resolveAssignment(outcome(ll), snapshot(team, { L1: 4, L2: 1, L3: 2 }), facts())).toMatchObject({
      memberId: 'm-L2',
      teamId: 't-legal',
      reason: 'rule legal_debts: team LEGAL, least loaded → L2',
    });
    expect(resolveAssignment(outcome(ll), snapshot(team, { L1: 1, L2: 1, L3: 1 }, { L1: new Date(9), L2: new Date(3), L3: new Date(7) }), facts()).memberId).toBe('m-L2');
    expect(resolveAssignment(outcome(ll), snapshot(team, { L1: 1, L3: 1 }), facts()).memberId).toBe('m-L2');
    expect(resolveAssignment(outcome(ll), snapshot(team, { L1: 0, L2: 0, L3: 0 }), facts()).memberId).toBe('m-L1');
  });

  it('several commissioners, captains or role holders: least loaded, then code', () => {
    const heads = [member('S2', [{ role: 'station_head' }]), member('S1', [{ role: 'station_head' }]), member('S3', [{ role: 'station_head' }])];
    expect(resolveAssignment(outcome(fallback), snapshot(heads, { S1: 3, S2: 1, S3: 1 }), facts())).toMatchObject({ memberId: 'm-S2', source: 'fallback', ruleId: null, teamId: null, reason: 'fallback: station head → S2' });
    const captains = [member('C2', [{ role: 'captain', parkIds: ['p-01'] }]), member('C1', [{ role: 'captain', parkIds: ['p-01'] }])];
    expect(resolveAssignment(outcome(intent({ captain: true }, 'p01')), snapshot(captains), facts())).toMatchObject({ memberId: 'm-C1', reason: 'rule p01: captain of park P01 → C1' });
  });

  it('skips members who are away, have left or are archived, and records each skip', () => {
    const team = [lawyer('L1', 'away'), lawyer('L2', 'left'), lawyer('L3', 'active', true), lawyer('L4')];
    expect(resolveAssignment(outcome(rr, fallback), snapshot([...team, head]), facts())).toEqual({
      memberId: 'm-L4',
      teamId: 't-legal',
      source: 'rule',
      ruleId: 'legal_debts',
      reason: 'rule legal_debts: team LEGAL, round robin → L4 (skipped L1 away, L2 left, L3 archived)',
      skipped: [
        { memberId: 'm-L1', why: 'away' },
        { memberId: 'm-L2', why: 'left' },
        { memberId: 'm-L3', why: 'archived' },
      ],
    });
  });

  it("falls back when the rule's target has nobody available", () => {
    const d = resolveAssignment(outcome(rr, fallback), snapshot([lawyer('L1', 'away'), head]), facts());
    expect(d).toEqual({
      memberId: 'm-MC-S001',
      teamId: null,
      source: 'fallback',
      ruleId: null,
      reason: 'fallback: station head → MC-S001 (skipped L1 away); rule legal_debts: team LEGAL, round robin had no one available',
      skipped: [{ memberId: 'm-L1', why: 'away' }],
    });
  });

  it("a member target by id or code; a captain target for a request without a park falls through", () => {
    expect(resolveAssignment(outcome(intent({ member: 'MC-S001' })), snapshot([head]), facts())).toMatchObject({ memberId: 'm-MC-S001', reason: 'rule r: member MC-S001 → MC-S001' });
    expect(resolveAssignment(outcome(intent({ captain: true }), fallback), snapshot([head]), facts({ park: null }))).toMatchObject({ source: 'fallback', memberId: 'm-MC-S001' });
    expect(resolveAssignment(outcome(intent({ team: 'NOPE', strategy: 'round_robin' }), fallback), snapshot([head]), facts()).reason).toBe(
      'fallback: station head → MC-S001; rule r: team NOPE, round robin names no team in the directory',
    );
  });

  it("source 'none' when nobody anywhere is available", () => {
    const d = resolveAssignment(outcome(rr, fallback), snapshot([lawyer('L1', 'left'), member('S1', [{ role: 'station_head' }], 'away')]), facts());
    expect(d).toMatchObject({ memberId: null, teamId: null, source: 'none', ruleId: null, skipped: [{ memberId: 'm-L1', why: 'left' }, { memberId: 'm-S1', why: 'away' }] });
    expect(d.reason).toContain('had no one available');
  });
});

describe('resolveAssignment with a plugin strategy', () => {
  const pick = intent({ team: 'LEGAL', strategy: 'pick.last' });
  const last = new Map([['pick.last', { name: 'pick.last', choose: (candidates: readonly Member[]) => candidates[candidates.length - 1] ?? null }]]);

  it('asks it among the available members only, and returns the candidate it names', () => {
    const d = resolveAssignment(outcome(pick, fallback), snapshot([lawyer('L1'), lawyer('L2'), lawyer('L3', 'away'), head]), facts(), last);
    expect(d).toMatchObject({ memberId: 'm-L2', teamId: legal.id, source: 'rule', reason: 'rule r: team LEGAL, strategy pick.last → L2 (skipped L3 away)' });
  });

  it('is not asked when no one is available, and the fallback decides', () => {
    const asked: unknown[] = [];
    const strategies = new Map([['pick.last', { name: 'pick.last', choose: (candidates: readonly Member[]) => (asked.push(candidates), null) }]]);
    const d = resolveAssignment(outcome(pick, fallback), snapshot([lawyer('L1', 'away'), head]), facts(), strategies);
    expect(asked).toEqual([]);
    expect(d).toMatchObject({ memberId: head.id, source: 'fallback' });
  });

  it('is PLUGIN_ERROR when it is not passed in', () => {
    expect(thrown(() => resolveAssignment(outcome(pick, fallback), snapshot([lawyer('L1'), head]), facts()), 'PLUGIN_ERROR').message).toContain("Assignment strategy 'pick.last' of plugin 'pick' failed for rule 'r': no plugin registers it");
  });
});
