/**
 * Something that tells this instance "another instance committed something; look now", such
 * as PostgreSQL LISTEN/NOTIFY. Only a wake-up: the stream always reads what to send from
 * storage, so a lost or duplicated signal costs latency, never an event.
 *
 * @example
 * ```ts
 * const wake: WakeSource = {
 *   subscribe(listener) {
 *     bus.on('committed', listener);
 *     return () => bus.off('committed', listener);
 *   },
 *   signal: () => bus.emit('committed'),
 * };
 * ```
 */
export interface WakeSource {
  /** Calls `listener` on every signal, from any instance; returns how to stop. */
  subscribe(listener: () => void): () => void;
  /** Tells every instance (this one included) to look. Called after this instance commits. */
  signal(): void;
}
