import type { Member } from '../model/member.js';
import type { Priority } from '../model/request.js';
import type { RoutingFacts, RoutingSnapshot, WatcherTarget } from './types.js';

/**
 * A routing action a plugin adds, used in a rule as
 * `then: { plugins: { '<plugin-id>.<name>': argument } }`. It runs when the rule matches and
 * returns what it adds to the outcome; like the built-in side actions it never assigns.
 */
export interface PluginRoutingAction {
  /** Namespaced by the plugin's id, e.g. `duplicates.flag`. */
  name: string;
  /** A message when `argument` is unusable, or null; run once when the config is checked. */
  validate?(argument: unknown): string | null;
  apply(argument: unknown, facts: RoutingFacts): PluginActionEffect;
}

/** What a plugin routing action adds to the routing outcome. */
export interface PluginActionEffect {
  tags?: readonly string[];
  priority?: Priority;
  /** An SLA policy id of the office's config. */
  sla?: string;
  watchers?: readonly WatcherTarget[];
}

/**
 * An assignment strategy a plugin adds, used as
 * `assign: { team: 'LEGAL', strategy: '<plugin-id>.<name>' }`. It picks one member among the
 * team's available members (never empty), or null to fall through to the next target.
 */
export interface PluginAssignmentStrategy {
  /** Namespaced by the plugin's id, e.g. `skills.best_match`. */
  name: string;
  /** Whether the strategy reads `snapshot.openCounts` / `snapshot.lastAssignedAt`, so the pipeline loads them. */
  needs?: { openCounts?: boolean; lastAssigned?: boolean };
  choose(candidates: readonly Member[], snapshot: RoutingSnapshot, facts: RoutingFacts): Member | null;
}
