import { expect } from 'vitest';
import { type NotificationMessage, type Notifier, type NotifyContext, type NotifyResult, isKechuangError } from '@kechuang/community';
import { ZH_CN_TEXT, ZH_CN_TITLE, kitContext } from './kit-messages.js';
import type { NotifierSink, NotifierSinkSupports } from './notifier-sink.js';

/** The cases of the notifier conformance kit, each its own test. */
export type NotifierConformanceCase =
  | 'identity'
  | 'delivery'
  | 'idempotencyKey'
  | 'unicode'
  | 'concurrent'
  | 'unchangedMessage'
  | 'retryable'
  | 'permanent'
  | 'abortBefore'
  | 'abortDuring'
  | 'timeout';

/** What a case gets: the notifier and sink of this test, and the kit's message factory. */
export interface NotifierCaseContext {
  notifier: Notifier;
  sink: NotifierSink;
  message(overrides?: Partial<NotificationMessage>): NotificationMessage;
  /** How long a send may take to settle once its signal aborted. */
  abortGraceMs: number;
  /** The send timeout the setup configured on the notifier, if the kit was told it. */
  sendTimeoutMs: number | undefined;
}

export interface NotifierCase {
  id: NotifierConformanceCase;
  title: string;
  /** What the sink must support; the case skips, naming what is missing, otherwise. */
  needs: (keyof NotifierSinkSupports)[];
  /** Skips the case unless the kit was told the notifier's own send timeout. */
  needsSendTimeout?: boolean;
  run(ctx: NotifierCaseContext): Promise<void>;
}

/** Settles with the promise, or fails naming `what` once `ms` have passed without it settling. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the sink has seen more than `count` requests (a liveness bound, not a timing check). */
async function requestReached(sink: NotifierSink, count: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (sink.requests() <= count) {
    if (Date.now() > deadline) throw new Error(`the request never reached the sink within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Expects `send` to reject with a notify error of `code`, never to resolve. */
async function expectNotifyError(send: Promise<NotifyResult>, code: 'NOTIFY_RETRYABLE' | 'NOTIFY_PERMANENT', ms: number, what: string): Promise<void> {
  let outcome: { resolved: NotifyResult } | { rejected: unknown };
  try {
    outcome = { resolved: await within(send, ms, what) };
  } catch (error) {
    outcome = { rejected: error };
  }
  if ('resolved' in outcome) {
    throw new Error(`${what}: send resolved with ${JSON.stringify(outcome.resolved)} instead of rejecting with ${code}`);
  }
  const error = outcome.rejected;
  if (!isKechuangError(error, code)) {
    const shown = isKechuangError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`${what}: expected a rejection with ${code} (notifyError.${code === 'NOTIFY_RETRYABLE' ? 'retryable' : 'permanent'}), got ${shown}`);
  }
}

function expectResult(result: NotifyResult): void {
  expect(result).toBeTypeOf('object');
  expect(result).not.toBeNull();
  const { externalId } = result;
  if (externalId !== null) {
    expect(externalId, 'externalId is a string or null').toBeTypeOf('string');
    expect(externalId.length, 'an externalId string is not empty').toBeGreaterThan(0);
  }
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Sends one message that the sink accepts and checks the notifier made one request for it. */
async function deliver(ctx: NotifierCaseContext, message: NotificationMessage, context: NotifyContext = kitContext()): Promise<NotifyResult> {
  const before = ctx.sink.requests();
  const result = await ctx.notifier.send(message, context);
  expectResult(result);
  expect(ctx.sink.requests() - before, 'one send is one request: the dispatcher owns retries').toBe(1);
  return result;
}

export const notifierCases: NotifierCase[] = [
  {
    id: 'identity',
    title: 'id and channel are non-empty strings; rateLimits, if given, are positive',
    needs: [],
    async run({ notifier }) {
      expect(notifier.id).toBeTypeOf('string');
      expect(notifier.id.trim().length).toBeGreaterThan(0);
      expect(notifier.channel).toBeTypeOf('string');
      expect(notifier.channel.trim().length).toBeGreaterThan(0);
      expect(notifier.send).toBeTypeOf('function');
      if (notifier.rateLimits !== undefined) {
        expect(Array.isArray(notifier.rateLimits)).toBe(true);
        for (const { limit, windowMs } of notifier.rateLimits) {
          expect(Number.isInteger(limit) && limit > 0, `rate limit ${limit} is a positive integer`).toBe(true);
          expect(Number.isFinite(windowMs) && windowMs > 0, `window ${windowMs} ms is positive`).toBe(true);
        }
      }
    },
  },
  {
    id: 'delivery',
    title: 'a message is delivered once and send resolves with { externalId }',
    needs: [],
    async run(ctx) {
      const message = ctx.message();
      await deliver(ctx, message);
      const deliveries = ctx.sink.deliveries();
      expect(deliveries).toHaveLength(1);
      expect(normalise(deliveries[0]!.text)).toContain(message.text);
    },
  },
  {
    id: 'idempotencyKey',
    title: 'the idempotency key reaches the sink, the same on a second send of the message',
    needs: ['idempotencyKey'],
    async run(ctx) {
      const message = ctx.message();
      await deliver(ctx, message);
      await deliver(ctx, message, kitContext(2));
      expect(ctx.sink.deliveries().map((delivery) => delivery.idempotencyKey)).toEqual([message.idempotencyKey, message.idempotencyKey]);
    },
  },
  {
    id: 'unicode',
    title: 'a zh-CN message arrives intact (title, text, line breaks, characters beyond the BMP)',
    needs: [],
    async run(ctx) {
      const base = ctx.message();
      const message: NotificationMessage = { ...base, locale: 'zh-CN', title: ZH_CN_TITLE, text: ZH_CN_TEXT, to: { ...base.to, name: '王小明' } };
      await deliver(ctx, message);
      const [delivery] = ctx.sink.deliveries().slice(-1);
      expect(delivery).toBeDefined();
      expect(normalise(delivery!.text)).toContain(ZH_CN_TEXT);
      if (delivery!.title !== undefined) expect(delivery!.title).toContain(ZH_CN_TITLE);
    },
  },
  {
    id: 'concurrent',
    title: 'concurrent sends each arrive once',
    needs: [],
    async run(ctx) {
      const messages = Array.from({ length: 5 }, () => ctx.message());
      const before = ctx.sink.requests();
      const results = await Promise.all(messages.map((message) => ctx.notifier.send(message, kitContext())));
      results.forEach(expectResult);
      expect(ctx.sink.requests() - before).toBe(messages.length);
      const deliveries = ctx.sink.deliveries();
      expect(deliveries).toHaveLength(messages.length);
      const texts = deliveries.map((delivery) => normalise(delivery.text));
      for (const message of messages) expect(texts.filter((text) => text.includes(message.text))).toHaveLength(1);
      if (ctx.sink.supports.idempotencyKey) {
        expect(deliveries.map((delivery) => delivery.idempotencyKey).sort()).toEqual(messages.map((message) => message.idempotencyKey).sort());
      }
    },
  },
  {
    id: 'unchangedMessage',
    title: 'send leaves the message as it was (the dispatcher hands the same one to every retry)',
    needs: [],
    async run(ctx) {
      const message = ctx.message({ html: '<p>A new request is waiting for you.</p>', data: { nested: { list: [1, 'two', null] } } });
      const copy = structuredClone(message);
      await deliver(ctx, message);
      expect(message).toEqual(copy);
    },
  },
  {
    id: 'retryable',
    title: 'a retryable failure rejects with NOTIFY_RETRYABLE, and the retry is delivered',
    needs: ['retryable'],
    async run(ctx) {
      const message = ctx.message();
      ctx.sink.next('retryable');
      const before = ctx.sink.requests();
      await expectNotifyError(ctx.notifier.send(message, kitContext(1)), 'NOTIFY_RETRYABLE', 30_000, 'retryable failure');
      expect(ctx.sink.requests() - before, 'one send is one request: the dispatcher owns retries').toBe(1);
      expect(ctx.sink.deliveries()).toHaveLength(0);
      await deliver(ctx, message, kitContext(2));
      expect(ctx.sink.deliveries()).toHaveLength(1);
      if (ctx.sink.supports.idempotencyKey) expect(ctx.sink.deliveries()[0]!.idempotencyKey).toBe(message.idempotencyKey);
    },
  },
  {
    id: 'permanent',
    title: 'a permanent failure rejects with NOTIFY_PERMANENT',
    needs: ['permanent'],
    async run(ctx) {
      ctx.sink.next('permanent');
      const before = ctx.sink.requests();
      await expectNotifyError(ctx.notifier.send(ctx.message(), kitContext()), 'NOTIFY_PERMANENT', 30_000, 'permanent failure');
      expect(ctx.sink.requests() - before, 'one send is one request: the dispatcher owns retries').toBe(1);
      expect(ctx.sink.deliveries()).toHaveLength(0);
    },
  },
  {
    id: 'abortBefore',
    title: 'an already aborted signal rejects with NOTIFY_RETRYABLE and sends nothing',
    needs: [],
    async run(ctx) {
      const controller = new AbortController();
      controller.abort(new Error('the worker is shutting down'));
      await expectNotifyError(ctx.notifier.send(ctx.message(), kitContext(1, controller.signal)), 'NOTIFY_RETRYABLE', ctx.abortGraceMs, 'send with an aborted signal');
      expect(ctx.sink.requests()).toBe(0);
      expect(ctx.sink.deliveries()).toHaveLength(0);
    },
  },
  {
    id: 'abortDuring',
    title: 'aborting the signal while the sink hangs rejects promptly with NOTIFY_RETRYABLE',
    needs: ['hang'],
    async run(ctx) {
      ctx.sink.next('hang');
      const controller = new AbortController();
      const before = ctx.sink.requests();
      const send = ctx.notifier.send(ctx.message(), kitContext(1, controller.signal));
      // Attach a handler now: the rejection may come before the kit awaits it.
      send.catch(() => undefined);
      await requestReached(ctx.sink, before);
      controller.abort(new Error('the dispatcher stopped waiting'));
      await expectNotifyError(send, 'NOTIFY_RETRYABLE', ctx.abortGraceMs, `send after its signal aborted (allowed ${ctx.abortGraceMs} ms)`);
      expect(ctx.sink.deliveries()).toHaveLength(0);
    },
  },
  {
    id: 'timeout',
    title: "a sink that never answers fails with NOTIFY_RETRYABLE after the notifier's own timeout",
    needs: ['hang'],
    needsSendTimeout: true,
    async run(ctx) {
      ctx.sink.next('hang');
      const bound = (ctx.sendTimeoutMs ?? 0) + ctx.abortGraceMs;
      await expectNotifyError(ctx.notifier.send(ctx.message(), kitContext()), 'NOTIFY_RETRYABLE', bound, `send to a hung sink (allowed ${bound} ms)`);
      expect(ctx.sink.deliveries()).toHaveLength(0);
    },
  },
];
