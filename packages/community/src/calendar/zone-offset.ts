/**
 * Offsets of an IANA time zone, from `Intl.DateTimeFormat` alone: it ships with Node and every
 * browser, so the core needs no time-zone library and no Node built-in.
 *
 * Intl calls cost microseconds; the working calendar calls these functions only while it
 * indexes a year (about one call per day) and never on its hot path.
 */

/** A time zone's offsets and the mapping from local wall time to instants. */
export interface ZoneConverter {
  /** The IANA zone it converts for, e.g. `Asia/Shanghai`. */
  readonly timeZone: string;
  /** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +28,800,000). */
  offsetAt(epochMs: number): number;
  /**
   * The instant of a local wall time, given as "wall milliseconds": the epoch milliseconds the
   * same Y-M-D h:m:s would have in UTC. Times that do not exist (skipped by a DST change) move
   * forward by the length of the gap; times that occur twice take the earlier instant — the
   * `compatible` rule of Temporal and of most calendar software.
   *
   * `before` and `after` are the zone's offsets at the instants `wallMs ∓ 1 day` read as UTC;
   * a caller that walks day after day already has them and passes them to save Intl calls.
   */
  instantOf(wallMs: number, before?: number, after?: number): number;
}

const DAY_MS = 86_400_000;

/**
 * Whether `timeZone` names a zone this runtime's Intl knows (IANA names such as
 * `Asia/Shanghai`, or `UTC`).
 *
 * @example
 * ```ts
 * isValidTimeZone('Asia/Shanghai'); // true
 * isValidTimeZone('Asia/Beijing');  // false — not an IANA zone
 * ```
 */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A converter for one zone. Throws a RangeError for an unknown zone; callers validate first
 * with {@link isValidTimeZone}.
 *
 * @example
 * ```ts
 * const shanghai = createZoneConverter('Asia/Shanghai');
 * shanghai.offsetAt(Date.UTC(2026, 0, 1));                 // 28_800_000
 * shanghai.instantOf(Date.UTC(2026, 0, 1, 8, 30));         // Date.UTC(2026, 0, 1, 0, 30)
 * ```
 */
export function createZoneConverter(timeZone: string): ZoneConverter {
  // `en-US` with h23 gives plain numerals and hours 0–23 on every engine we target.
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

  function offsetAt(epochMs: number): number {
    // Offsets are whole seconds (even historical LMT ones), so comparing at second precision
    // loses nothing and avoids millisecond noise.
    const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of format.formatToParts(whole)) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          // Some engines still print midnight as 24 despite h23.
          hour = Number(part.value) % 24;
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    return Date.UTC(year, month - 1, day, hour, minute, second) - whole;
  }

  function instantOf(wallMs: number, before = offsetAt(wallMs - DAY_MS), after = offsetAt(wallMs + DAY_MS)): number {
    // Offsets a day either side bracket any single transition near this wall time.
    if (before === after) return wallMs - before;
    const early = wallMs - Math.max(before, after);
    const late = wallMs - Math.min(before, after);
    if (offsetAt(early) === wallMs - early) return early; // the earlier of two (or the only) match
    if (offsetAt(late) === wallMs - late) return late;
    // A gap (spring forward): keep the offset in force before it, which lands after the gap.
    return wallMs - before;
  }

  return { timeZone, offsetAt, instantOf };
}
