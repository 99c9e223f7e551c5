import type { MiddlewareHandler } from 'hono';
import type { RateLimitOptions } from '../server-options.js';
import { HttpProblem } from './problem.js';
import type { ServerEnv } from './server-env.js';

/**
 * A fixed-window limit per caller, kept in this instance's memory: with n instances behind a
 * balancer a caller gets up to n × max. Enough to stop a runaway client; a shared limit
 * belongs in the gateway in front.
 */
export function rateLimit(options: RateLimitOptions, now: () => number = Date.now): MiddlewareHandler<ServerEnv> {
  const max = options.max ?? 120;
  const windowMs = options.windowMs ?? 60_000;
  let windowStart = 0;
  let counts = new Map<string, number>();
  return async (c, next) => {
    const time = now();
    if (time - windowStart >= windowMs) {
      // A new window forgets every caller, so the map never outgrows one window's callers.
      windowStart = time;
      counts = new Map();
    }
    const who = c.get('principal');
    const used = (counts.get(who) ?? 0) + 1;
    counts.set(who, used);
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000));
    c.header('RateLimit-Policy', `${max};w=${Math.round(windowMs / 1000)}`);
    c.header('RateLimit', `limit=${max}, remaining=${Math.max(0, max - used)}, reset=${resetSeconds}`);
    if (used > max) {
      throw new HttpProblem('RATE_LIMITED', `Too many requests: at most ${max} per ${Math.round(windowMs / 1000)} s. Try again in ${resetSeconds} s.`, {
        headers: { 'retry-after': String(resetSeconds) },
      });
    }
    await next();
  };
}
