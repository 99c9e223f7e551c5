import type { JsonValue } from '../storage/types.js';

/** A timer a plugin schedules. */
export interface PluginTimer {
  /** The office it belongs to. */
  officeId: string;
  /**
   * The request it belongs to, if any. The core cancels only its own SLA timers when a request
   * concludes, so a handler checks that its work is still due when it fires.
   */
  requestId?: string | null;
  /** The handler name given to `timers.handle`. */
  name: string;
  /** Unique per office and plugin: scheduling the same key twice is a no-op. */
  key: string;
  /** When it should fire; the worker fires it on its first tick after that. */
  dueAt: Date;
  /** What the handler is given; JSON only. */
  payload: { [key: string]: JsonValue };
  /** When it was scheduled. @default dueAt */
  createdAt?: Date;
}
