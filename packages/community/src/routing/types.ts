import type { AssignTarget, Rule } from '../config/config-schema.js';
import type { EnterpriseSize } from '../model/enterprise.js';
import type { Member } from '../model/member.js';
import type { AttributeValue, Channel, Priority } from '../model/request.js';
import type { Team } from '../model/team.js';
import type { PluginActionRun } from './plugin-routing.js';

/**
 * The routing contract: what rules are evaluated against, what evaluation yields, and what
 * assignment needs. Evaluation and assignment are pure; the pipeline loads the snapshot.
 */

/** A directory record as routing sees it: rules may name it by id or by code. */
export interface RecordKey {
  id: string;
  code: string;
}

/** The facts of one request that conditions test. */
export interface RoutingFacts {
  category: string;
  channel: Channel;
  priority: Priority;
  community: RecordKey;
  park: RecordKey | null;
  building: RecordKey | null;
  enterprise: { id: string; code: string; industry: string | null; size: EnterpriseSize | null; tags: readonly string[] } | null;
  attributes: Readonly<Record<string, AttributeValue>>;
  title: string;
  description: string;
  tags: readonly string[];
  submittedAt: Date;
  /** When it was submitted, in the office's working calendar (null without a calendar). */
  submitted: { inOfficeHours: boolean; workingDay: boolean; holiday: boolean } | null;
}

/** An assignment target of a rule (or of the fallback), in order of preference. */
export interface AssignIntent {
  source: 'rule' | 'fallback';
  ruleId: string | null;
  target: AssignTarget;
}

/** Who a rule adds as a watcher. */
export type WatcherTarget = NonNullable<Rule['then']['watchers']>[number];

/** An assisting unit a rule adds. */
export type AssistTarget = NonNullable<Rule['then']['assist']>[number];

/** What evaluating the rules against one request yields (before choosing a member). */
export interface RoutingOutcome {
  /** The deciding rule's target first (if any rule assigned), then the fallback. */
  assign: AssignIntent[];
  assists: { ruleId: string; target: AssistTarget }[];
  priority: Priority | null;
  sla: string | null;
  tags: string[];
  /** Member ids or staff numbers, or the captain of the request's park; in order, without repeats. */
  watchers: WatcherTarget[];
  /** Every rule that matched, in order. */
  matchedRuleIds: string[];
  /** The plugin actions of the matched rules that ran, in order, with what each added. */
  pluginActions: PluginActionRun[];
}

/** How one condition fared: the value tested, and whether it passed. */
export interface ConditionTrace {
  /** Where the condition is in the rule, e.g. `when.all[1]`. */
  path: string;
  /** `all`, `any`, `not`, or the field tested. */
  kind: string;
  operator?: string;
  expected?: unknown;
  actual?: unknown;
  passed: boolean;
  children?: ConditionTrace[];
}

/** How one rule fared. Rules that were not evaluated say why. */
export interface RuleTrace {
  ruleId: string;
  matched: boolean;
  /**
   * Set when the rule was not evaluated: the category, park, channel or keyword index ruled it
   * out (e.g. `category is 'policy', rule needs one of [legal]`), or an earlier rule matched
   * and did not continue.
   */
  skippedBecause?: string;
  condition?: ConditionTrace;
}

/** A custom condition operator (e.g. from a plugin), used as `{ field: { 'ns.op': argument } }`. */
export interface OperatorDefinition {
  /** Namespaced, e.g. `geo.within`. */
  name: string;
  /** A message when `argument` is unusable, or null; run once when the config is checked. */
  validate?(argument: unknown): string | null;
  test(actual: unknown, argument: unknown): boolean;
}

/** A problem in a config document: where, what, and what to do. */
export interface ConfigProblem {
  path: (string | number)[];
  message: string;
  code: string;
  /** A close valid alternative ("did you mean"). */
  suggestion?: string;
}

/** What choosing a member needs, loaded by the pipeline before the pure decision. */
export interface RoutingSnapshot {
  /** Every member of the office, including those away or gone (so skips can be recorded). */
  members: readonly Member[];
  teams: readonly Team[];
  /** Open requests led by each candidate member. */
  openCounts: ReadonlyMap<string, number>;
  /** When each candidate member was last assigned a request through the team (null: never). */
  lastAssignedAt: ReadonlyMap<string, Date | null>;
}

/** A member passed over, and why. */
export interface SkippedMember {
  memberId: string;
  why: 'away' | 'left' | 'archived';
}

/** The assignment routing chose. */
export interface AssignmentDecision {
  memberId: string | null;
  teamId: string | null;
  source: 'rule' | 'fallback' | 'none';
  ruleId: string | null;
  /** A short reason for the timeline, e.g. `rule legal_debts: team LEGAL round_robin`. */
  reason: string;
  skipped: SkippedMember[];
}
