import { seededRandom } from '@kechuang/testing';

/** What the flapping sink does with one attempt. */
export type Flap = 'ok' | 'fail' | 'timeout';

/**
 * The seeded schedule of the flapping sink: attempt `attempt` (1-based) of event `event` gets a
 * 5xx with probability `failRate`, is held past the sender's timeout with `timeoutRate`, and
 * goes through otherwise. A pure function of (seed, event, attempt), so the test can work out
 * in advance which events must be delivered, on which attempt, and which must die.
 */
export function flapSchedule(seed: number, failRate = 0.5, timeoutRate = 0.1): (event: number, attempt: number) => Flap {
  return (event, attempt) => {
    const r = seededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(event + 1, 0x85ebca6b) ^ Math.imul(attempt, 0xc2b2ae35)) >>> 0)();
    return r < failRate ? 'fail' : r < failRate + timeoutRate ? 'timeout' : 'ok';
  };
}

/** The first attempt the schedule lets through within `maxAttempts`, or null: a dead letter. */
export function firstSuccess(schedule: (event: number, attempt: number) => Flap, event: number, maxAttempts: number): number | null {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) if (schedule(event, attempt) === 'ok') return attempt;
  return null;
}
