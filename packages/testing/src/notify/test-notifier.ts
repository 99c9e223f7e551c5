import { afterEach, beforeEach, describe, it } from 'vitest';
import type { NotificationMessage } from '@kechuang/community';
import { kitMessageFactory } from './kit-messages.js';
import { type NotifierCaseContext, type NotifierConformanceCase, notifierCases } from './notifier-cases.js';
import type { NotifierSetup, NotifierSinkSupports } from './notifier-sink.js';

export type { NotifierConformanceCase } from './notifier-cases.js';
export type { NotifierSetup, NotifierSink, NotifierSinkBehaviour, NotifierSinkDelivery, NotifierSinkSupports } from './notifier-sink.js';

/**
 * Options of {@link testNotifier}.
 *
 * @example
 * ```ts
 * testNotifier(setup, { name: 'webhookNotifier', sendTimeoutMs: 300, skip: { permanent: 'the sink cannot refuse for good yet' } });
 * ```
 */
export interface TestNotifierOptions {
  /**
   * Title of the outer `describe` block.
   * @default 'notifier conformance'
   */
  name?: string;
  /**
   * Cases to skip, each with the reason shown in the test report. Cases the sink cannot stage
   * (see `NotifierSink.supports`) skip themselves. A skipped case is a part of the contract
   * the notifier does not prove.
   * @default {}
   */
  skip?: Partial<Record<NotifierConformanceCase, string>>;
  /**
   * The send timeout the setup gave the notifier. Given, the kit also checks that a send to a
   * sink that never answers fails as retryable by itself; keep it short (a few hundred ms).
   * @default the case is skipped
   */
  sendTimeoutMs?: number;
  /**
   * How long a send may stay pending once its signal aborted (or its own timeout passed)
   * before the kit fails it. A bound for a stuck promise, not a speed requirement.
   * @default 3_000
   */
  abortGraceMs?: number;
  /**
   * Timeout of each test in milliseconds.
   * @default vitest's `testTimeout`
   */
  timeout?: number;
}

const NEEDS_REASON: Record<keyof NotifierSinkSupports, string> = {
  retryable: 'the sink cannot fail retryably (supports.retryable is false)',
  permanent: 'the sink cannot fail permanently (supports.permanent is false)',
  hang: 'the sink cannot hold a request open (supports.hang is false)',
  idempotencyKey: 'the channel does not carry the idempotency key (supports.idempotencyKey is false)',
};

async function dispose(setup: NotifierSetup): Promise<void> {
  try {
    await setup.notifier.close?.();
  } finally {
    await setup.sink.close?.();
  }
}

/**
 * Registers the notifier conformance suite with vitest: every rule of the notifier contract
 * as its own test, proven against the adapter's own loopback sink.
 *
 * `setup` is called once per test and returns a fresh notifier wired to a fresh
 * {@link NotifierSink} (an HTTP or SMTP server on 127.0.0.1 that answers like the real
 * channel and that the kit can make fail, hang and report what arrived). After each test the
 * kit calls `notifier.close()` and then `sink.close()`. `setup` is also called once while
 * vitest collects the tests, to read `sink.supports`: cases the sink cannot stage skip with
 * the reason in their title.
 *
 * Call it at the top level of a test file (not inside a test).
 *
 * @example
 * ```ts
 * // email-notifier.conformance.test.ts
 * import { testNotifier } from '@kechuang/testing';
 *
 * testNotifier(async () => {
 *   const sink = await startSmtpSink(); // your loopback server, implementing NotifierSink
 *   const notifier = emailNotifier({ smtp: { host: '127.0.0.1', port: sink.port }, from: 'kit@example.com', timeoutMs: 500 });
 *   return { notifier, sink, address: 'member@example.com' };
 * }, { name: 'emailNotifier', sendTimeoutMs: 500 });
 * ```
 */
export function testNotifier(setup: () => NotifierSetup | Promise<NotifierSetup>, options: TestNotifierOptions = {}): void {
  const { name = 'notifier conformance', skip = {}, sendTimeoutMs, abortGraceMs = 3_000, timeout } = options;

  describe(name, timeout === undefined ? {} : { timeout }, async () => {
    const probe = await setup();
    const supports: NotifierSinkSupports = { ...probe.sink.supports };
    await dispose(probe);

    let current: NotifierSetup | undefined;
    let message: ((overrides?: Partial<NotificationMessage>) => NotificationMessage) | undefined;

    beforeEach(async () => {
      current = await setup();
      message = kitMessageFactory(current.address ?? null);
    });

    afterEach(async () => {
      const finished = current;
      current = undefined;
      message = undefined;
      if (finished) await dispose(finished);
    });

    const context = (): NotifierCaseContext => {
      if (!current || !message) throw new Error('The notifier and sink exist only while a test runs.');
      return { notifier: current.notifier, sink: current.sink, message, abortGraceMs, sendTimeoutMs };
    };

    for (const testCase of notifierCases) {
      const missing = testCase.needs.find((need) => !supports[need]);
      const reason =
        skip[testCase.id] ??
        (missing ? NEEDS_REASON[missing] : undefined) ??
        (testCase.needsSendTimeout && sendTimeoutMs === undefined ? 'the kit was not told the notifier\'s send timeout (options.sendTimeoutMs)' : undefined);
      if (reason !== undefined) it.skip(`${testCase.title} — skipped: ${reason}`, () => undefined);
      else it(testCase.title, () => testCase.run(context()));
    }
  });
}
