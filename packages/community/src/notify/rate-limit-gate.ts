import type { Runtime } from '../pipeline/runtime.js';
import type { Notifier } from './notifier.js';
import { normalizeRateLimits, slotQueue, takeRateSlot, type RateLimits } from './rate-limit.js';

/** What a worker's gate says about one message: send it now (stamped `at`), or not before `dueAt`. */
export type GateAnswer = { send: true; at: Date } | { send: false; dueAt: Date };

/** One worker's way to its notifiers' shared rate windows. */
export interface RateGate {
  /** A send slot for one message of `notifier`, or when to try that message again. */
  slot(notifier: Notifier): Promise<GateAnswer>;
  /**
   * Which of the notifiers `ids` to lease rows of at `now`: `open` ones as many as due, and
   * `limited` ones (whose window was full and is freeing slot by slot) at most `limit` rows,
   * the slots this worker expects to be free. Notifiers whose window is still full are in
   * neither.
   */
  plan(ids: readonly string[], now: Date): { open: string[]; limited: { id: string; limit: number }[] };
}

interface FullWindow {
  /** When the first slot frees. */
  until: number;
  /** The times the coming slots free, as far as the window's sends told. */
  slots: readonly number[];
  nextSlot: () => number;
}

/**
 * A worker's rate gate. Its messages ask for slots of one notifier one at a time, so that they
 * do not race each other for the counter row (only other workers do); once a window is found
 * full, the gate answers without asking storage until it frees, handing the messages it turns
 * away the coming free slots one each; the worker leases none of that notifier's rows
 * meanwhile, and then only as many as slots have freed, so that a busy bot's backlog waits in
 * storage instead of being leased and put back every round.
 */
export function rateGate(runtime: Pick<Runtime, 'storage' | 'newId' | 'clock'>): RateGate {
  const limitsOf = new Map<string, RateLimits>();
  const full = new Map<string, FullWindow>();
  const queues = new Map<string, Promise<unknown>>();

  const ask = async (notifier: Notifier, limits: RateLimits): Promise<GateAnswer> => {
    const known = full.get(notifier.id);
    if (known && known.until > runtime.clock.now().getTime()) return { send: false, dueAt: new Date(known.nextSlot()) };
    const slot = await takeRateSlot(runtime, notifier, limits, () => runtime.clock.now());
    if (slot.taken) return { send: true, at: slot.at };
    const window: FullWindow = { until: slot.until.getTime(), slots: slot.slots, nextSlot: slotQueue(slot) };
    if (!slot.contended) full.set(notifier.id, window);
    return { send: false, dueAt: new Date(window.nextSlot()) };
  };

  return {
    slot(notifier) {
      let limits = limitsOf.get(notifier.id);
      if (!limits) limitsOf.set(notifier.id, (limits = normalizeRateLimits(notifier.rateLimits)));
      if (limits.length === 0) return Promise.resolve({ send: true, at: runtime.clock.now() });
      const run = (queues.get(notifier.id) ?? Promise.resolve()).then(() => ask(notifier, limits));
      queues.set(notifier.id, run.catch(() => undefined));
      return run;
    },
    plan(ids, now) {
      const open: string[] = [];
      const limited: { id: string; limit: number }[] = [];
      const at = now.getTime();
      for (const id of ids) {
        const window = full.get(id);
        if (window && window.until > at) continue;
        // Once every slot the window knew of has freed, it is as good as empty: lease freely.
        if (!window || (window.slots.at(-1) ?? 0) < at) {
          full.delete(id);
          open.push(id);
        } else limited.push({ id, limit: window.slots.filter((time) => time <= at).length });
      }
      return { open, limited };
    },
  };
}
