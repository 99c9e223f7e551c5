import { afterEach, describe, expect, it } from 'vitest';
import { type NotificationMessage, type Notifier, type NotifyContext, notifyError } from '@kechuang/community';
import { kitMessageFactory } from './kit-messages.js';
import { type NotifierCaseContext, type NotifierConformanceCase, notifierCases } from './notifier-cases.js';
import type { NotifierSink, NotifierSinkBehaviour, NotifierSinkDelivery, NotifierSinkSupports } from './notifier-sink.js';
import { testNotifier } from './test-notifier.js';

/** What the in-memory notifier gets wrong on purpose, to prove the kit notices. */
interface Flaws {
  /** Trusts any answer, like a bot client that only checks HTTP 200. */
  resolvesOnFailure?: boolean;
  /** Throws plain errors instead of notify errors. */
  plainErrors?: boolean;
  /** Keeps waiting for the sink after the signal aborted. */
  ignoresAbort?: boolean;
  /** Sends even when handed an already aborted signal. */
  sendsWhenAborted?: boolean;
  /** Tries once more by itself after a retryable failure. */
  retriesItself?: boolean;
  /** Round-trips the text through Latin-1, as a client with the wrong charset does. */
  latin1?: boolean;
  /** Leaves the idempotency key out of what it sends. */
  dropsKey?: boolean;
  /** Writes its bookkeeping into the message. */
  mutatesMessage?: boolean;
  id?: string;
  rateLimits?: { limit: number; windowMs: number }[];
}

interface MemorySink extends NotifierSink {
  receive(delivery: NotifierSinkDelivery): Promise<'ok' | 'retryable' | 'permanent'>;
}

const ALL: NotifierSinkSupports = { retryable: true, permanent: true, hang: true, idempotencyKey: true };

function memorySink(supports: NotifierSinkSupports = ALL): MemorySink {
  const queue: NotifierSinkBehaviour[] = [];
  const deliveries: NotifierSinkDelivery[] = [];
  const hung: (() => void)[] = [];
  let requests = 0;
  return {
    supports,
    next: (behaviour) => void queue.push(behaviour),
    requests: () => requests,
    deliveries: () => deliveries,
    receive(delivery) {
      requests += 1;
      const behaviour = queue.shift() ?? 'succeed';
      if (behaviour === 'hang') return new Promise((resolve) => hung.push(() => resolve('retryable')));
      if (behaviour !== 'succeed') return Promise.resolve(behaviour);
      deliveries.push(delivery);
      return Promise.resolve('ok');
    },
    async close() {
      for (const release of hung.splice(0)) release();
    },
  };
}

function memoryNotifier(sink: MemorySink, flaws: Flaws = {}, timeoutMs = 100): Notifier {
  const fail = (kind: 'retryable' | 'permanent', text: string): Error =>
    flaws.plainErrors ? new Error(text) : kind === 'retryable' ? notifyError.retryable(text) : notifyError.permanent(text);

  async function attempt(message: NotificationMessage, ctx: NotifyContext): Promise<'ok' | 'retryable' | 'permanent'> {
    const text = flaws.latin1 ? Buffer.from(message.text, 'utf8').toString('latin1') : message.text;
    const answer = sink.receive({ idempotencyKey: flaws.dropsKey ? null : message.idempotencyKey, text, title: message.title });
    if (flaws.ignoresAbort) return answer;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = new Promise<'retryable'>((resolve) => {
      timer = setTimeout(() => resolve('retryable'), timeoutMs);
      ctx.signal.addEventListener('abort', () => resolve('retryable'), { once: true });
    });
    try {
      return await Promise.race([answer, stop]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    id: flaws.id ?? 'memory',
    channel: 'memory',
    ...(flaws.rateLimits ? { rateLimits: flaws.rateLimits } : {}),
    async send(message, ctx) {
      if (ctx.signal.aborted && !flaws.sendsWhenAborted) throw fail('retryable', 'aborted');
      if (flaws.mutatesMessage) (message.data as Record<string, unknown>)['sentAt'] = ctx.now.toISOString();
      let outcome = await attempt(message, ctx);
      if (outcome === 'retryable' && flaws.retriesItself) outcome = await attempt(message, ctx);
      if (outcome === 'ok' || flaws.resolvesOnFailure) return { externalId: `memory-${message.id}` };
      throw fail(outcome, `the sink answered ${outcome}`);
    },
  };
}

testNotifier(
  () => {
    const sink = memorySink();
    return { notifier: memoryNotifier(sink), sink, address: 'member-1' };
  },
  { name: 'testNotifier on a well-behaved in-memory notifier', sendTimeoutMs: 100, abortGraceMs: 2_000 }
);

// Every capability off: the gated cases skip (with the reason in their title), the rest pass.
testNotifier(
  () => {
    const sink = memorySink({ retryable: false, permanent: false, hang: false, idempotencyKey: false });
    return { notifier: memoryNotifier(sink), sink };
  },
  { name: 'testNotifier on a sink that can stage no failure' }
);

describe('the kit fails notifiers that break the contract', () => {
  let sink: MemorySink | undefined;
  afterEach(async () => {
    await sink?.close?.();
    sink = undefined;
  });

  async function runCase(id: NotifierConformanceCase, flaws: Flaws): Promise<void> {
    sink = memorySink();
    const testCase = notifierCases.find((candidate) => candidate.id === id);
    if (!testCase) throw new Error(`no case ${id}`);
    const ctx: NotifierCaseContext = {
      notifier: memoryNotifier(sink, flaws),
      sink,
      message: kitMessageFactory('member-1'),
      abortGraceMs: 300,
      sendTimeoutMs: 100,
    };
    await testCase.run(ctx);
  }

  it('passes the well-behaved notifier through every case', async () => {
    for (const testCase of notifierCases) {
      await runCase(testCase.id, {});
      await sink?.close?.();
    }
  });

  const broken: [string, NotifierConformanceCase, Flaws, RegExp][] = [
    ['a notifier that resolves on a retryable failure', 'retryable', { resolvesOnFailure: true }, /send resolved/],
    ['a notifier that resolves on a permanent failure', 'permanent', { resolvesOnFailure: true }, /send resolved/],
    ['a notifier that throws plain errors', 'retryable', { plainErrors: true }, /expected a rejection with NOTIFY_RETRYABLE \(notifyError.retryable\), got Error: /],
    ['a notifier that throws plain errors on a permanent failure', 'permanent', { plainErrors: true }, /expected a rejection with NOTIFY_PERMANENT/],
    ['a notifier that retries by itself', 'retryable', { retriesItself: true }, /send resolved/],
    ['a notifier that ignores an abort while waiting', 'abortDuring', { ignoresAbort: true }, /still pending after 300 ms/],
    ['a notifier without a timeout of its own', 'timeout', { ignoresAbort: true }, /still pending after 400 ms/],
    ['a notifier that sends with an aborted signal', 'abortBefore', { sendsWhenAborted: true }, /send resolved/],
    ['a notifier that garbles UTF-8', 'unicode', { latin1: true }, /expected/],
    ['a notifier that drops the idempotency key', 'idempotencyKey', { dropsKey: true }, /expected/],
    ['a notifier that writes into the message', 'unchangedMessage', { mutatesMessage: true }, /expected/],
    ['a notifier with an empty id', 'identity', { id: ' ' }, /expected/],
    ['a notifier with a zero rate limit', 'identity', { rateLimits: [{ limit: 0, windowMs: 60_000 }] }, /rate limit 0/],
  ];
  for (const [title, id, flaws, message] of broken) {
    it(`fails ${title} (case ${id})`, async () => {
      await expect(runCase(id, flaws)).rejects.toThrow(message);
    });
  }
});
