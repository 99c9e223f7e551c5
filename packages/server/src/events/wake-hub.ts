import type { AnyCommunity } from '@kechuang/community';
import type { WakeSource } from './wake-source.js';

/**
 * Wakes this instance's stream subscribers: at once when this instance commits a request
 * change (the SDK's event bus), when the optional cross-instance source signals, and in any
 * case every `pollIntervalMs`, so another instance's commit is never missed for longer than that.
 */
export class WakeHub {
  private readonly waiting = new Set<() => void>();
  private readonly stops: (() => void)[] = [];

  constructor(community: AnyCommunity, wake: WakeSource | undefined) {
    this.stops.push(
      community.events.onAny((type) => {
        if (!type.startsWith('request.') && type !== 'visit.recorded') return;
        this.wakeAll();
        wake?.signal();
      }),
    );
    if (wake) this.stops.push(wake.subscribe(() => this.wakeAll()));
  }

  /** Resolves on the next wake-up or after `ms`, whichever comes first; `signal` ends it early too. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiting.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiting]) wake();
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.wakeAll();
  }
}
