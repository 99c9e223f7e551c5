import { definePlugin, type TimerRecord } from '@kechuang/community';

/** The model holding one row per committed firing of a recorder timer. */
export const FIRING = 'recorder_firing';

/** Options of {@link firingRecorder}. */
export interface FiringRecorderOptions {
  /** Written into every firing row, so the test sees which worker fired a timer. */
  workerId: string;
  /** Timers scheduled per submitted request, due 1, 2, … minutes after it. @default 0 */
  timersPerRequest?: number;
  /** Runs in the firing transaction before the firing is recorded; may stall on purpose. */
  beforeRecord?: (timer: TimerRecord) => Promise<void>;
}

/**
 * A plugin whose timers record each firing in their own table, inside the firing
 * transaction: a firing that rolls back (lost lease, killed worker) leaves no row, so the rows
 * count exactly the committed firings. Every process of a test installs it with the same
 * models, so they share one schema.
 */
export function firingRecorder(options: FiringRecorderOptions) {
  const perRequest = options.timersPerRequest ?? 0;
  return definePlugin({
    id: 'recorder',
    schema: {
      models: {
        [FIRING]: {
          // No unique constraint on timerId: a double firing must show up as two rows, not as a failed firing.
          fields: { id: { type: 'string' }, timerId: { type: 'string' }, workerId: { type: 'string' }, firedAt: { type: 'date' } },
          indexes: [{ name: 'recorder_firing_timer', fields: ['timerId'] }],
        },
      },
    },
    setup({ hooks, timers }) {
      timers.handle('tick', async ({ timer, tx, now }) => {
        await options.beforeRecord?.(timer);
        await tx.create({ model: FIRING, data: { id: globalThis.crypto.randomUUID(), timerId: timer.id, workerId: options.workerId, firedAt: now } });
      });
      hooks.transaction('submit', async ({ tx, request }) => {
        for (let i = 0; i < perRequest; i++) {
          await timers.schedule(tx, {
            officeId: request.officeId,
            requestId: request.id,
            name: 'tick',
            key: `${request.id}:${i}`,
            dueAt: new Date(request.createdAt.getTime() + 60_000 * (i + 1)),
            payload: { i },
          });
        }
      });
    },
  })();
}
