/**
 * Where the SDK reads the time. Inject one so that tests and replays are deterministic.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
 * const community = createCommunity({ storage: memoryStorage(), clock });
 * clock.advance(60_000);
 * ```
 */
export interface Clock {
  /** The current time. */
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Jumps to `at`. */
  set(at: Date): void;
}

/**
 * A {@link ManualClock} starting at `start`.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'));
 * clock.advance(3_600_000); // one hour later
 * ```
 */
export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(at) {
      current = at.getTime();
    },
  };
}
