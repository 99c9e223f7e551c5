/**
 * What the concurrent-writers test and its child processes agree on: the office the parent
 * built, the log each writer hands back, and which timeline entries each command writes.
 */

/** Everything a writer process needs, written by the parent to a JSON file. */
export interface WriterConfig {
  connectionString: string;
  schema: string;
  officeId: string;
  /** Two providers of the legal team who take turns leading requests. */
  leadIds: [string, string];
  /** A provider of another team, added to requests as an assisting unit (协办). */
  assistantId: string;
  legalTeamId: string;
  requestIds: string[];
  /** How many commands each writer sends. */
  commands: number;
}

/** One command a writer saw committed. */
export interface AcceptedCommand {
  requestId: string;
  /** The version the command produced (the returned request's `version`). */
  version: number;
  /** The workflow transition fired, e.g. `accept`, `redo`, `note`. */
  command: string;
  /** Who sent it: a member id, or null for the system actor. */
  actorId: string | null;
  /** A marker written into the command's free text, so its entry can be traced to this writer; null for commands without text. */
  token: string | null;
}

/** A writer's report, written as JSON to the file the parent names. */
export interface WriterLog {
  worker: number;
  seed: number;
  /** Commands sent (each one read its request first). */
  sent: number;
  accepted: AcceptedCommand[];
  conflicts: number;
  /** Typed refusals other than CONFLICT, by error code. */
  refusals: Record<string, number>;
  /** A few refusal messages, to explain an unexpected count. */
  refusalSamples: string[];
  /** Untyped errors and STORAGE_ERRORs: each one fails the test. */
  unexpected: string[];
  durationMs: number;
}

/**
 * The timeline entry types each command writes, in `index` order. Without an office config
 * nothing routes, so a redo writes only its own two entries.
 */
export const ENTRY_TYPES: Readonly<Record<string, readonly string[]>> = {
  submit: ['submitted'],
  assign: ['assigned'],
  reassign: ['reassigned'],
  accept: ['accepted'],
  return: ['returned'],
  redispatch: ['redispatched'],
  overrule_return: ['return_overruled'],
  start: ['started'],
  pause: ['paused'],
  resume: ['resumed'],
  reply: ['replied'],
  note: ['note'],
  follow_up: ['followed_up'],
  redo: ['followed_up', 'redone'],
  close: ['closed'],
  withdraw: ['withdrawn'],
  supervise: ['supervised'],
  add_assist: ['assist_added'],
  sign_assist: ['assist_signed'],
  contribute: ['assist_contributed'],
};

/** A tiny seeded PRNG, so a failing run can be replayed from its printed seed. */
export { seededRandom } from '@kechuang/testing';
