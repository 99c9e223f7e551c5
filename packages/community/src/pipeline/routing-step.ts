import type { OfficeConfig } from '../config/config-schema.js';
import type { EntryDraft, PartyDraft } from '../commands/request/command-definition.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Member } from '../model/member.js';
import type { AssistingUnit, ServiceRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import { candidateMembers, isAvailable, pluginStrategyOf, resolveAssignment, statsNeeded } from '../routing/resolve-assignment.js';
import type { AssignmentDecision, RecordKey, RoutingFacts, RoutingOutcome, RuleTrace } from '../routing/types.js';
import { rowToRecord } from '../storage/records.js';
import type { JsonValue } from '../storage/types.js';
import type { ActiveConfig } from './policy-engine.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Runtime } from './runtime.js';
import { directoryRow } from './directory-cache.js';
import { officeRoster } from './office-roster.js';

/** What routing decided for one request, with the config version it used. */
export interface RoutingResult {
  /** The version of the office config that routed it. */
  configVersion: number;
  /** That config. */
  config: OfficeConfig;
  /** The facts the rules tested. */
  facts: RoutingFacts;
  /** What the rules asked for: whom to assign, assists, watchers, priority, SLA policy and tags. */
  outcome: RoutingOutcome;
  /** The member (and team) chosen, or none, and why. */
  decision: AssignmentDecision;
  /** Every member and team of the office, as loaded for the decision. */
  members: readonly Member[];
  /** Every team of the office, as loaded for the decision. */
  teams: readonly Team[];
  /** With `explain`: how every rule and condition fared. */
  rules?: RuleTrace[];
  /** Applies this result to a request (pure); see {@link applyRouting}. */
  apply(request: ServiceRequest, now: Date, assignTo: string | null): { request: ServiceRequest; entries: EntryDraft[]; parties: PartyDraft[] };
}


export type Placeable = Pick<ServiceRequest, 'officeId' | 'communityId' | 'parkId' | 'buildingId' | 'enterpriseId' | 'category' | 'channel' | 'priority' | 'attributes' | 'title' | 'description' | 'tags' | 'createdAt'>;

type Known = ReadonlyMap<string, Record<string, unknown>> | undefined;

async function keyOf(runtime: Runtime, model: string, officeId: string, id: string | null, known: Known): Promise<(RecordKey & Record<string, unknown>) | null> {
  if (id === null) return null;
  const hit = known?.get(id);
  if (hit && hit['officeId'] === officeId) return hit as RecordKey & Record<string, unknown>;
  const row = await directoryRow(runtime, model, officeId, id);
  return row ? rowToRecord<RecordKey & Record<string, unknown>>(row) : null;
}

/** The facts rules test, loaded from the request's community, park, building and enterprise. */
export async function routingFacts(runtime: Runtime, request: Placeable, calendar?: WorkingCalendar, known?: Known): Promise<RoutingFacts> {
  const [community, park, building, enterprise] = await Promise.all([
    keyOf(runtime, 'community', request.officeId, request.communityId, known),
    keyOf(runtime, 'park', request.officeId, request.parkId, known),
    keyOf(runtime, 'building', request.officeId, request.buildingId, known),
    keyOf(runtime, 'enterprise', request.officeId, request.enterpriseId, known),
  ]);
  const ent = enterprise as unknown as Enterprise | null;
  return {
    category: request.category,
    channel: request.channel,
    priority: request.priority,
    community: { id: request.communityId, code: community?.code ?? request.communityId },
    park: park ? { id: park.id, code: park.code } : null,
    building: building ? { id: building.id, code: building.code } : null,
    enterprise: ent ? { id: ent.id, code: ent.code, industry: ent.industry, size: ent.size, tags: ent.tags } : null,
    attributes: request.attributes,
    title: request.title,
    description: request.description,
    tags: request.tags,
    submittedAt: request.createdAt,
    submitted: calendar
      ? { inOfficeHours: calendar.isWorkingTime(request.createdAt), workingDay: calendar.isWorkingDay(request.createdAt), holiday: calendar.isHoliday(request.createdAt) }
      : null,
  };
}

/**
 * Routes a request with the office's config in force: evaluates the rules (pure), loads what
 * choosing a member needs (availability, open counts, recent assignments), and chooses
 * (pure). Null when the office has no config. `exclude` lists members who must not get it
 * (e.g. the one who just returned it).
 */
export async function routeRequest(
  runtime: Runtime,
  active: ActiveConfig,
  request: Placeable,
  options: { exclude?: readonly string[]; explain?: boolean; known?: Known } = {},
): Promise<RoutingResult> {
  const facts = await routingFacts(runtime, request, active.calendar, options.known);
  const explained = options.explain ? active.routing.explain(facts) : null;
  const outcome = explained ? explained.outcome : active.routing.evaluate(facts);
  const office = [{ field: 'officeId', value: request.officeId }] as const;
  const roster = await officeRoster(runtime, request.officeId);
  const excluded = new Set(options.exclude ?? []);
  const members = roster.members.filter((m) => !excluded.has(m.id));
  const teams = roster.teams;
  const openStates = runtime.workflow.states.filter((s) => !runtime.workflow.terminal.includes(s));
  const openCounts = new Map<string, number>();
  const lastAssignedAt = new Map<string, Date | null>();
  const strategies = active.routing.strategies;
  // Only the first target with anyone available decides, and its strategy says which facts
  // it compares: load just those, for just its available members. A plugin strategy may
  // choose no one, and then the next target decides: load for that one too.
  for (const intent of outcome.assign) {
    const target = intent.target;
    const team = 'team' in target ? teams.find((t) => t.id === target.team || t.code === target.team) : undefined;
    const available = candidateMembers(intent, { members, teams }, facts).filter(isAvailable);
    if (available.length === 0) continue;
    const needed = statsNeeded(target, available.length, strategies);
    for (const member of available) {
      if (needed.openCounts && !openCounts.has(member.id)) {
        openCounts.set(member.id, await runtime.storage.count({ model: 'request', where: [...office, { field: 'assigneeId', value: member.id }, { field: 'status', op: 'in', value: openStates }] }));
      }
      if (needed.lastAssigned && team && !lastAssignedAt.has(member.id)) {
        const [last] = await runtime.storage.findMany({
          model: 'request',
          where: [...office, { field: 'assigneeId', value: member.id }, { field: 'assigneeTeamId', value: team.id }, { field: 'assignedAt', op: 'is_not_null' }],
          orderBy: [{ field: 'assignedAt', direction: 'desc' }],
          limit: 1,
        });
        lastAssignedAt.set(member.id, (last?.['assignedAt'] as Date | undefined) ?? null);
      }
    }
    if (pluginStrategyOf(target) === null) break;
  }
  const decision = resolveAssignment(outcome, { members, teams, openCounts, lastAssignedAt }, facts, strategies);
  const result: RoutingResult = {
    configVersion: active.version,
    config: active.config,
    facts,
    outcome,
    decision,
    members,
    teams,
    ...(explained ? { rules: explained.rules } : {}),
    apply: (req, now, assignTo) => applyRouting(req, result, now, assignTo),
  };
  return result;
}

function resolveMember(members: readonly Member[], ref: string): Member | undefined {
  return members.find((m) => m.id === ref || m.code === ref);
}

/** The active captain of the request's park, if any. */
function captainOf(result: RoutingResult): string | undefined {
  const parkId = result.facts.park?.id;
  if (parkId === undefined) return undefined;
  return result.members.find((m) => m.status === 'active' && m.archivedAt === null && m.roles.some((r) => r.role === 'captain' && r.parkIds.includes(parkId)))?.id;
}

/**
 * Applies a routing result to a request (pure): the assignee when routing found one, and the
 * side actions — priority, SLA policy, tags, watchers and assisting units — with timeline
 * entries recording the config version, the rule and the reason.
 */
export function applyRouting(
  request: ServiceRequest,
  result: RoutingResult,
  now: Date,
  assignTo: string | null,
): { request: ServiceRequest; entries: EntryDraft[]; parties: PartyDraft[] } {
  const { decision, outcome } = result;
  const next: ServiceRequest = { ...request };
  const entries: EntryDraft[] = [];
  const parties: PartyDraft[] = [];
  if (outcome.priority) next.priority = outcome.priority;
  const categorySla = result.config.categories.find((c) => c.id === request.category)?.sla ?? null;
  next.slaPolicy = outcome.sla ?? categorySla ?? request.slaPolicy;
  next.tags = [...new Set([...request.tags, ...outcome.tags])];
  const watcherIds = outcome.watchers
    .map((w) => (typeof w === 'string' ? resolveMember(result.members, w)?.id : captainOf(result)))
    .filter((id): id is string => id !== undefined);
  next.watchers = [...new Set([...request.watchers, ...watcherIds])];
  next.routing = { configVersion: result.configVersion, ruleId: decision.ruleId, source: decision.source, reason: decision.reason };
  entries.push({
    type: 'routed',
    data: {
      configVersion: result.configVersion,
      ruleId: decision.ruleId,
      source: decision.source,
      reason: decision.reason,
      matchedRuleIds: outcome.matchedRuleIds,
      skipped: decision.skipped as unknown as JsonValue,
      // What plugins added, so a request's tags or priority can be traced to the action.
      ...(outcome.pluginActions.length > 0 ? { pluginActions: outcome.pluginActions as unknown as JsonValue } : {}),
    },
  });
  if (decision.memberId !== null && assignTo !== null) {
    next.status = assignTo;
    next.assigneeId = decision.memberId;
    next.assigneeTeamId = decision.teamId;
    next.assignedAt = now;
    next.returnInfo = null;
    const data = { assigneeId: decision.memberId, teamId: decision.teamId, by: 'routing', ruleId: decision.ruleId };
    // A redo is already in `assigned`: then this entry records the new lead, not a state change.
    entries.push(request.status === assignTo ? { type: 'assigned', data } : { type: 'assigned', fromStatus: request.status, toStatus: assignTo, data });
  }
  const assists: AssistingUnit[] = [...next.assists];
  for (const { target } of outcome.assists) {
    let memberId: string | null = null;
    let teamId: string | null = null;
    if ('member' in target) memberId = resolveMember(result.members, target.member)?.id ?? null;
    else if ('team' in target) teamId = result.teams.find((t) => t.id === target.team || t.code === target.team)?.id ?? null;
    else memberId = captainOf(result) ?? null;
    if (memberId === null && teamId === null) continue;
    if (memberId !== null && memberId === next.assigneeId) continue;
    if (assists.some((a) => (memberId !== null && a.memberId === memberId) || (teamId !== null && a.teamId === teamId))) continue;
    assists.push({ memberId, teamId, status: 'pending', signedAt: null, signedById: null, contribution: null, contributedAt: null, dueAt: null });
    parties.push({ partyKind: memberId ? 'member' : 'team', partyId: (memberId ?? teamId) as string, role: 'assist' });
    entries.push({ type: 'assist_added', data: { memberId, teamId, by: 'routing' } });
  }
  next.assists = assists;
  return { request: next, entries, parties };
}
