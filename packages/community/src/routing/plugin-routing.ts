import type { Member } from '../model/member.js';
import type { Priority } from '../model/request.js';
import type { RoutingFacts, RoutingSnapshot, WatcherTarget } from './types.js';

/**
 * How a plugin's routing action or assignment strategy is named: `<plugin-id>.<name>`, e.g.
 * `duplicates.flag`. The plugin host namespaces every registration by the plugin's id.
 */
export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[A-Za-z0-9_][\w.-]*$/;

/**
 * A routing action a plugin adds, used in a rule as
 * `then: { plugins: { '<plugin-id>.<name>': argument } }`. It runs when the rule matches —
 * after the rule's own actions, in the order the rule lists its plugin actions — and returns
 * what it adds to the outcome; like the built-in side actions it never assigns. It must be
 * pure and synchronous: it runs inside `submit`, `redispatch`, a redo and `routing.explain`.
 *
 * @example
 * ```ts
 * routing.action({
 *   name: 'vip.flag',
 *   validate: (tag) => (typeof tag === 'string' && tag.length > 0 ? null : 'give the tag to add, e.g. 重点企业'),
 *   apply: (tag, facts) => (facts.enterprise?.tags.includes('专精特新') ? { tags: [String(tag)], priority: 'urgent' } : null),
 * });
 * ```
 */
export interface PluginRoutingAction {
  /** Namespaced by the plugin's id, e.g. `duplicates.flag`. */
  name: string;
  /** A message when `argument` is unusable, or null; run once when the config is checked. */
  validate?(argument: unknown): string | null;
  /** What the action adds for this request; null (or `{}`) adds nothing. Throwing fails the routing with PLUGIN_ERROR. */
  apply(argument: unknown, facts: RoutingFacts): PluginActionEffect | null;
}

/**
 * What a plugin routing action adds to the routing outcome, merged like a rule's own side
 * actions: tags and watchers are appended without repeats, a priority replaces the one set so
 * far, and an SLA policy applies only when no earlier action set one.
 */
export interface PluginActionEffect {
  /** Each 1–50 characters; at most 20. */
  tags?: readonly string[];
  /** A priority that replaces the one set so far. */
  priority?: Priority;
  /** An SLA policy id the office's config declares. */
  sla?: string;
  /** Members by id or staff number, or `{ captain: true }`; at most 20. One not in the directory is left out. */
  watchers?: readonly WatcherTarget[];
}

/** One plugin action that ran for a request: which rule, which action, and what it added. */
export interface PluginActionRun {
  /** The matched rule that ran the action. */
  ruleId: string;
  /** The action's namespaced name. */
  name: string;
  /** What the action added. */
  effect: PluginActionEffect;
}

/**
 * An assignment strategy a plugin adds, used as
 * `assign: { team: 'LEGAL', strategy: '<plugin-id>.<name>' }`. It picks one member among the
 * team's available members (never empty), or null to fall through to the next target (the
 * fallback). It must be pure and synchronous; a member it returns must be one of the
 * candidates, else the routing fails with PLUGIN_ERROR.
 *
 * @example
 * ```ts
 * routing.strategy({
 *   name: 'seniority.most_senior',
 *   choose: (candidates) => [...candidates].sort((a, b) => (a.code < b.code ? -1 : 1))[0] ?? null,
 * });
 * ```
 */
export interface PluginAssignmentStrategy {
  /** Namespaced by the plugin's id, e.g. `skills.best_match`. */
  name: string;
  /** Whether the strategy reads `snapshot.openCounts` / `snapshot.lastAssignedAt`, so the pipeline loads them. */
  needs?: {
    /** Load `snapshot.openCounts`. */
    openCounts?: boolean;
    /** Load `snapshot.lastAssignedAt`. */
    lastAssigned?: boolean;
  };
  /** Picks one of `candidates` (never empty), or returns null to fall through to the next target. */
  choose(candidates: readonly Member[], snapshot: RoutingSnapshot, facts: RoutingFacts): Member | null;
}
