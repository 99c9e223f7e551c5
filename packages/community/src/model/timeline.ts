import type { JsonValue } from '../storage/types.js';

/** Who did something: a member, or the host system acting for the office. */
export interface ActorRef {
  /** `member` for a person, `system` for the host acting for the office. */
  kind: 'member' | 'system';
  /** The member's id; null for the system. */
  id: string | null;
}

/**
 * One entry of a request's timeline. Every entry a command writes carries the request's new
 * version as `seq`; `index` orders entries within one command.
 */
export interface TimelineEntry {
  /** The entry's id. */
  id: string;
  /** The office of the request. */
  officeId: string;
  /** The request the entry belongs to. */
  requestId: string;
  /** The request's version after the command that wrote the entry. */
  seq: number;
  /** The entry's position among the entries of one command, from 0. */
  index: number;
  /** What happened, e.g. `submitted`, `assigned`, `accepted`, `note`, `replied`. */
  type: string;
  /** Who did it. */
  actor: ActorRef;
  /** When it happened. */
  at: Date;
  /** State before and after, when the entry is a transition. */
  fromStatus: string | null;
  /** The state after the transition, or null when the entry is not a transition. */
  toStatus: string | null;
  /** What else the entry records, e.g. a note's text or a reply's outcome; JSON only. */
  data: { [key: string]: JsonValue };
}
