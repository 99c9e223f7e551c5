import type { JsonValue } from '../storage/types.js';

/** A timer a plugin schedules. */
export interface PluginTimer {
  officeId: string;
  /** The request it belongs to; its pending timers are cancelled with the request's. */
  requestId?: string | null;
  /** The handler name given to `timers.handle`. */
  name: string;
  /** Unique per office and plugin: scheduling the same key twice is a no-op. */
  key: string;
  dueAt: Date;
  payload: { [key: string]: JsonValue };
  /** When it was scheduled. @default dueAt */
  createdAt?: Date;
}
