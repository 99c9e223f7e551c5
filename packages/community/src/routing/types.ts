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
  /** The record's id. */
  id: string;
  /** The record's stable code, e.g. `P01`. */
  code: string;
}

/** The facts of one request that conditions test. */
export interface RoutingFacts {
  /** The request's category id. */
  category: string;
  /** How it came in. */
  channel: Channel;
  /** `normal` or `urgent`. */
  priority: Priority;
  /** Its community. */
  community: RecordKey;
  /** Its park, or null. */
  park: RecordKey | null;
  /** Its building, or null. */
  building: RecordKey | null;
  /** Its enterprise and what rules may test about it, or null. */
  enterprise: {
    /** The enterprise's id. */
    id: string;
    /** Its credit code. */
    code: string;
    /** Its industry, or null. */
    industry: string | null;
    /** Its size band, or null. */
    size: EnterpriseSize | null;
    /** Its labels, e.g. 专精特新. */
    tags: readonly string[];
  } | null;
  /** The category's attribute values, tested as `attributes.<code>`. */
  attributes: Readonly<Record<string, AttributeValue>>;
  /** The request's title; `text` conditions search it with the description. */
  title: string;
  /** The request's description. */
  description: string;
  /** The request's tags. */
  tags: readonly string[];
  /** When it was submitted. */
  submittedAt: Date;
  /** When it was submitted, in the office's working calendar (null without a calendar). */
  submitted: {
    /** Within office hours on a working day; tested as `submitted.in_office_hours`. */
    inOfficeHours: boolean;
    /** On a working day, ordinary or make-up; tested as `submitted.working_day`. */
    workingDay: boolean;
    /** On a listed holiday, not merely a weekend; tested as `submitted.holiday`. */
    holiday: boolean;
  } | null;
}

/** An assignment target of a rule (or of the fallback), in order of preference. */
export interface AssignIntent {
  /** `rule` when a rule asked for it, `fallback` for the config's fallback. */
  source: 'rule' | 'fallback';
  /** The rule that asked for it; null for the fallback. */
  ruleId: string | null;
  /** Whom to assign: a member, a portfolio's commissioner, the park's captain, a team or a role. */
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
  /** The assisting units matched rules add, each with the rule that added it. */
  assists: {
    /** The rule that added it. */
    ruleId: string;
    /** The member, team or captain to assist. */
    target: AssistTarget;
  }[];
  /** The priority a matched rule set, or null to keep the request's. */
  priority: Priority | null;
  /** The SLA policy a matched rule set, or null to keep the category's. */
  sla: string | null;
  /** Tags matched rules add. */
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
  /** For a field test, the operator applied, e.g. `in`, `gte` or a plugin's `geo.within`. */
  operator?: string;
  /** For a field test, the value or argument the rule gives. */
  expected?: unknown;
  /** For a field test, the request's value of the field. */
  actual?: unknown;
  /** Whether the condition held. */
  passed: boolean;
  /** For `all`, `any` and `not`, how the nested conditions fared. */
  children?: ConditionTrace[];
}

/** How one rule fared. Rules that were not evaluated say why. */
export interface RuleTrace {
  /** The rule's id. */
  ruleId: string;
  /** Whether its condition held. */
  matched: boolean;
  /**
   * Set when the rule was not evaluated: the category, park, channel or keyword index ruled it
   * out (e.g. `category is 'policy', rule needs one of [legal]`), or an earlier rule matched
   * and did not continue.
   */
  skippedBecause?: string;
  /** How its condition fared, when it was evaluated. */
  condition?: ConditionTrace;
}

/** A custom condition operator (e.g. from a plugin), used as `{ field: { 'ns.op': argument } }`. */
export interface OperatorDefinition {
  /** Namespaced, e.g. `geo.within`. */
  name: string;
  /** A message when `argument` is unusable, or null; run once when the config is checked. */
  validate?(argument: unknown): string | null;
  /** Whether the request's value `actual` passes the test with the rule's `argument`; keep it pure and fast. */
  test(actual: unknown, argument: unknown): boolean;
}

/** A problem in a config document: where, what, and what to do. */
export interface ConfigProblem {
  /** Where the problem is, e.g. `['routing', 'rules', 3, 'when', 'catgory']`. */
  path: (string | number)[];
  /** What is wrong and what to do. */
  message: string;
  /** A machine-readable kind, e.g. `unknown_field` or `unknown_reference`. */
  code: string;
  /** A close valid alternative ("did you mean"). */
  suggestion?: string;
}

/** What choosing a member needs, loaded by the pipeline before the pure decision. */
export interface RoutingSnapshot {
  /** Every member of the office, including those away or gone (so skips can be recorded). */
  members: readonly Member[];
  /** Every team of the office. */
  teams: readonly Team[];
  /** Open requests led by each candidate member. */
  openCounts: ReadonlyMap<string, number>;
  /** When each candidate member was last assigned a request through the team (null: never). */
  lastAssignedAt: ReadonlyMap<string, Date | null>;
}

/** A member passed over, and why. */
export interface SkippedMember {
  /** The member passed over. */
  memberId: string;
  /** The member is away, has left, or is archived. */
  why: 'away' | 'left' | 'archived';
}

/** The assignment routing chose. */
export interface AssignmentDecision {
  /** The member chosen as lead, or null when nobody was available. */
  memberId: string | null;
  /** The team the member was chosen through, or null. */
  teamId: string | null;
  /** `rule`, `fallback`, or `none` when no target had anyone available. */
  source: 'rule' | 'fallback' | 'none';
  /** The rule whose target was used, or null. */
  ruleId: string | null;
  /** A short reason for the timeline, e.g. `rule legal_debts: team LEGAL round_robin`. */
  reason: string;
  /** The members passed over on the way, and why. */
  skipped: SkippedMember[];
}
