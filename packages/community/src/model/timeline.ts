import type { JsonValue } from '../storage/types.js';

/** Who did something: a member, or the host system acting for the office. */
export interface ActorRef {
  kind: 'member' | 'system';
  /** The member's id; null for the system. */
  id: string | null;
}

/**
 * One entry of a request's timeline. Every entry a command writes carries the request's new
 * version as `seq`; `index` orders entries within one command.
 */
export interface TimelineEntry {
  id: string;
  officeId: string;
  requestId: string;
  seq: number;
  index: number;
  /** What happened, e.g. `submitted`, `assigned`, `accepted`, `note`, `replied`. */
  type: string;
  actor: ActorRef;
  at: Date;
  /** State before and after, when the entry is a transition. */
  fromStatus: string | null;
  toStatus: string | null;
  data: { [key: string]: JsonValue };
}
