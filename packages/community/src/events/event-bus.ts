import mitt from 'mitt';

/** A listener; a returned promise that rejects is reported like a throw. */
export type Listener<P> = (payload: P) => void | Promise<void>;

/**
 * The typed event bus on `community.events`. Events fire after the command has committed;
 * a listener that throws is isolated and reported to `onListenerError`, never failing the
 * command. Nothing in the core depends on a listener having run.
 *
 * @example
 * ```ts
 * const off = community.events.on('request.accept', ({ request }) => console.log(request.id));
 * off();
 * ```
 */
export interface EventBus<Events extends Record<string, unknown>> {
  /** Subscribes to one event type; returns a function that unsubscribes. */
  on<K extends keyof Events & string>(type: K, listener: Listener<Events[K]>): () => void;
  /** Subscribes to every event; returns a function that unsubscribes. */
  onAny(listener: (type: keyof Events & string, payload: Events[keyof Events]) => void | Promise<void>): () => void;
}

/** The emitting side, kept off the public type so only the core fires events. */
export interface EventEmitterHandle<Events extends Record<string, unknown>> {
  bus: EventBus<Events>;
  emit<K extends keyof Events & string>(type: K, payload: Events[K]): void;
}

/** Reports a listener failure; the default logs to the console. */
export type ListenerErrorReporter = (error: unknown, event: string) => void;

export function createEventBus<Events extends Record<string, unknown>>(
  onListenerError: ListenerErrorReporter,
): EventEmitterHandle<Events> {
  // mitt stays an implementation detail: its types never reach the public d.ts.
  const emitter = mitt<Record<string, unknown>>();
  const guard = (type: string, run: () => void | Promise<void>): void => {
    try {
      const result = run();
      if (result && typeof (result as Promise<void>).then === 'function') {
        (result as Promise<void>).catch((error: unknown) => onListenerError(error, type));
      }
    } catch (error) {
      onListenerError(error, type);
    }
  };
  const bus: EventBus<Events> = {
    on(type, listener) {
      const handler = (payload: unknown): void => guard(type, () => listener(payload as Events[typeof type]));
      emitter.on(type, handler);
      return () => emitter.off(type, handler);
    },
    onAny(listener) {
      const handler = (type: string, payload: unknown): void =>
        guard(type, () => listener(type as keyof Events & string, payload as Events[keyof Events]));
      emitter.on('*', handler);
      return () => emitter.off('*', handler);
    },
  };
  return { bus, emit: (type, payload) => emitter.emit(type, payload) };
}
