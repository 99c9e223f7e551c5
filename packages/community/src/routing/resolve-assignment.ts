import type { AssignTarget } from '../config/config-schema.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { Member } from '../model/member.js';
import type { Team } from '../model/team.js';
import type { PluginAssignmentStrategy } from './plugin-routing.js';
import { isBuiltinStrategy } from './plugin-routing-registry.js';
import type { AssignIntent, AssignmentDecision, RoutingFacts, RoutingOutcome, RoutingSnapshot, SkippedMember } from './types.js';

/**
 * Choosing the member who leads a request, from the targets routing produced and a snapshot
 * of the directory (availability, open counts, last assignments). Pure and deterministic:
 * every tie breaks by the member's code (staff number), compared by code point so the result
 * is the same on every machine and locale.
 */

/** The directory part of the snapshot. */
export interface MembersAndTeams {
  /** Every member of the office. */
  members: readonly Member[];
  /** Every team of the office. */
  teams: readonly Team[];
}

function teamOf(ref: string, teams: readonly Team[]): Team | undefined {
  return teams.find((team) => team.id === ref) ?? teams.find((team) => team.code === ref);
}

/**
 * Who could take a request for one target — including members who are away, have left or are
 * archived, so that skipping them can be recorded:
 * - `member`: the member with that id or staff number;
 * - `portfolio`: the commissioners holding the portfolio;
 * - `captain`: the captains of the request's park (none when it has no park);
 * - `team`: the providers of the team (by id or code);
 * - `role`: the members holding the role.
 *
 * The pipeline calls it to know whose open counts and last assignments to load.
 *
 * @example
 * ```ts
 * candidateMembers({ source: 'rule', ruleId: 'legal_debts', target: { team: 'LEGAL', strategy: 'round_robin' } }, snapshot, facts);
 * // [the legal station's lawyers]
 * ```
 */
export function candidateMembers(intent: AssignIntent, snapshot: MembersAndTeams, facts: RoutingFacts): Member[] {
  const target = intent.target;
  const { members } = snapshot;
  if ('member' in target) {
    const byId = members.filter((m) => m.id === target.member);
    return byId.length > 0 ? byId : members.filter((m) => m.code === target.member);
  }
  if ('portfolio' in target) return members.filter((m) => m.roles.some((r) => r.role === 'commissioner' && r.portfolio === target.portfolio));
  if ('captain' in target) {
    const parkId = facts.park?.id;
    if (parkId === undefined) return [];
    return members.filter((m) => m.roles.some((r) => r.role === 'captain' && r.parkIds.includes(parkId)));
  }
  if ('team' in target) {
    const team = teamOf(target.team, snapshot.teams);
    if (team === undefined) return [];
    return members.filter((m) => m.roles.some((r) => r.role === 'provider' && r.teamId === team.id));
  }
  return members.filter((m) => m.roles.some((r) => r.role === target.role));
}

/** Whether routing may give a member work (not away, not left, not archived). */
export function isAvailable(member: Member): boolean {
  return unavailable(member) === null;
}

/** The plugin strategy a target names, or null for a built-in choice. */
export function pluginStrategyOf(target: AssignTarget): string | null {
  return 'team' in target && !isBuiltinStrategy(target.strategy) ? target.strategy : null;
}

/**
 * Which facts about the available members `choose` compares for a target: round robin only
 * looks at the last assignments, every other choice among several at open counts. With one
 * member available there is nothing to compare — except for a plugin strategy, which gets
 * what it `needs` however many there are (it may decline the only one).
 */
export function statsNeeded(target: AssignTarget, available: number, strategies: ReadonlyMap<string, PluginAssignmentStrategy> = new Map()): { openCounts: boolean; lastAssigned: boolean } {
  const plugin = pluginStrategyOf(target);
  if (plugin !== null) {
    const needs = strategies.get(plugin)?.needs;
    return { openCounts: needs?.openCounts === true, lastAssigned: needs?.lastAssigned === true };
  }
  if (available < 2) return { openCounts: false, lastAssigned: false };
  if ('team' in target) return { openCounts: target.strategy === 'least_loaded', lastAssigned: true };
  return { openCounts: true, lastAssigned: false };
}

function unavailable(member: Member): SkippedMember['why'] | null {
  if (member.status === 'left') return 'left';
  if (member.archivedAt !== null) return 'archived';
  if (member.status === 'away') return 'away';
  return null;
}

function byCode(a: Member, b: Member): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Never-assigned members (null or unknown) come first, then the longest ago. */
function byLastAssigned(snapshot: RoutingSnapshot): (a: Member, b: Member) => number {
  const time = (m: Member): number => snapshot.lastAssignedAt.get(m.id)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return (a, b) => {
    const ta = time(a);
    const tb = time(b);
    return ta === tb ? 0 : ta < tb ? -1 : 1;
  };
}

function byOpenCount(snapshot: RoutingSnapshot): (a: Member, b: Member) => number {
  const open = (m: Member): number => snapshot.openCounts.get(m.id) ?? 0;
  return (a, b) => open(a) - open(b);
}

function first(members: readonly Member[], ...orders: ((a: Member, b: Member) => number)[]): Member | undefined {
  const compare = (a: Member, b: Member): number => {
    for (const order of orders) {
      const c = order(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  let best: Member | undefined;
  for (const member of members) if (best === undefined || compare(member, best) < 0) best = member;
  return best;
}

function describeTarget(target: AssignTarget, facts: RoutingFacts): string {
  if ('member' in target) return `member ${target.member}`;
  if ('portfolio' in target) return `commissioner of ${target.portfolio}`;
  if ('captain' in target) return facts.park === null ? 'captain (request has no park)' : `captain of park ${facts.park.code}`;
  if ('team' in target) {
    const how = target.strategy === 'least_loaded' ? 'least loaded' : target.strategy === 'round_robin' ? 'round robin' : `strategy ${target.strategy}`;
    return `team ${target.team}, ${how}`;
  }
  return target.role === 'station_head' ? 'station head' : 'dispatcher';
}

function describeIntent(intent: AssignIntent, facts: RoutingFacts): string {
  return `${intent.source === 'rule' ? `rule ${intent.ruleId ?? '?'}` : 'fallback'}: ${describeTarget(intent.target, facts)}`;
}

function strategyFailure(intent: AssignIntent, name: string, reason: string, cause?: unknown): KechuangError {
  const plugin = name.slice(0, name.indexOf('.'));
  const where = intent.source === 'rule' ? `rule '${intent.ruleId ?? '?'}'` : 'the fallback';
  return new KechuangError(
    'PLUGIN_ERROR',
    `Assignment strategy '${name}' of plugin '${plugin}' failed for ${where}: ${reason}. Nothing was routed; fix the plugin, or name another strategy.`,
    { plugin, strategy: name, ruleId: intent.ruleId },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Asks a plugin strategy to pick among the available members. It gets its own frozen list, and
 * whatever it returns must be one of them (by id); null means "no one here", so the next
 * target is tried.
 */
function choosePlugin(intent: AssignIntent, name: string, available: readonly Member[], snapshot: RoutingSnapshot, facts: RoutingFacts, strategies: ReadonlyMap<string, PluginAssignmentStrategy>): Member | null {
  const strategy = strategies.get(name);
  if (strategy === undefined) throw strategyFailure(intent, name, 'no plugin registers it; pass the plugins\' strategies to compileRouting and resolveAssignment');
  let picked: unknown;
  try {
    picked = strategy.choose(Object.freeze([...available]), snapshot, facts);
  } catch (error) {
    throw strategyFailure(intent, name, error instanceof Error ? error.message : String(error), error);
  }
  if (picked === null || picked === undefined) return null;
  const id = typeof picked === 'object' && 'id' in picked ? picked.id : undefined;
  const member = available.find((m) => m.id === id);
  if (member === undefined) {
    const shown = typeof id === 'string' ? `member '${id}'` : `${Array.isArray(picked) ? 'a list' : typeof picked} that is not a member`;
    throw strategyFailure(intent, name, `it returned ${shown}, which is not one of the ${available.length} available candidates (${available.map((m) => m.code).join(', ')}); return one of them or null`);
  }
  return member;
}

/** Picks one available member for a built-in target, by its strategy. */
function choose(target: AssignTarget, available: readonly Member[], snapshot: RoutingSnapshot): Member | undefined {
  if ('team' in target) {
    return target.strategy === 'least_loaded'
      ? first(available, byOpenCount(snapshot), byLastAssigned(snapshot), byCode)
      : first(available, byLastAssigned(snapshot), byCode);
  }
  // One member, or several commissioners / captains / role holders: the least loaded.
  return first(available, byOpenCount(snapshot), byCode);
}

/**
 * Chooses the lead member: tries `outcome.assign` in order (the deciding rule's target, then
 * the fallback), skipping members who are away, have left or are archived (each skip is
 * recorded). Strategies: `round_robin` — the available team member assigned least recently
 * through the team (never assigned first), ties by code; `least_loaded` — fewest open
 * requests, then least recently assigned, then code; several commissioners, captains or role
 * holders — fewest open requests, then code; a plugin strategy (`<plugin-id>.<name>`, from
 * `strategies`) — whom its `choose` returns among the available members, or the next target
 * when it returns null. When no target has anyone available the decision has `source: 'none'`
 * and no member. A plugin strategy that throws, or returns someone not among the candidates,
 * is PLUGIN_ERROR naming it and its rule.
 *
 * @example
 * ```ts
 * const decision = resolveAssignment(routing.evaluate(facts), snapshot, facts, routing.strategies);
 * decision.reason; // 'rule legal_debts: team LEGAL, round robin → MC-P001'
 * ```
 */
export function resolveAssignment(
  outcome: RoutingOutcome,
  snapshot: RoutingSnapshot,
  facts: RoutingFacts,
  strategies: ReadonlyMap<string, PluginAssignmentStrategy> = new Map(),
): AssignmentDecision {
  const skipped: SkippedMember[] = [];
  const skippedCodes: string[] = [];
  const notes: string[] = [];
  for (const intent of outcome.assign) {
    const available: Member[] = [];
    for (const member of candidateMembers(intent, snapshot, facts)) {
      const why = unavailable(member);
      if (why === null) available.push(member);
      else if (!skipped.some((s) => s.memberId === member.id)) {
        skipped.push({ memberId: member.id, why });
        skippedCodes.push(`${member.code} ${why}`);
      }
    }
    const team = 'team' in intent.target ? teamOf(intent.target.team, snapshot.teams) : undefined;
    const plugin = pluginStrategyOf(intent.target);
    const chosen = plugin === null ? choose(intent.target, available, snapshot) : available.length === 0 ? undefined : choosePlugin(intent, plugin, available, snapshot, facts, strategies);
    if (chosen === undefined || chosen === null) {
      const missingTeam = 'team' in intent.target && team === undefined;
      notes.push(`${describeIntent(intent, facts)} ${missingTeam ? 'names no team in the directory' : chosen === null ? 'chose no one' : 'had no one available'}`);
      continue;
    }
    const skips = skippedCodes.length === 0 ? '' : ` (skipped ${skippedCodes.slice(0, 3).join(', ')}${skippedCodes.length > 3 ? ', …' : ''})`;
    const reason = [`${describeIntent(intent, facts)} → ${chosen.code}${skips}`, ...notes].join('; ');
    return { memberId: chosen.id, teamId: team?.id ?? null, source: intent.source, ruleId: intent.ruleId, reason, skipped };
  }
  return { memberId: null, teamId: null, source: 'none', ruleId: null, reason: notes.length > 0 ? notes.join('; ') : 'no assignment target', skipped };
}
