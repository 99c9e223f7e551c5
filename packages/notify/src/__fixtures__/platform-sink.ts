import type { NotifierSink, NotifierSinkBehaviour, NotifierSinkDelivery } from '@kechuang/testing';
import { startLoopbackServer, type ReceivedRequest, type Reply } from './loopback-server.js';

/** How one platform's fake answers, fails and shows what it accepted. */
export interface PlatformFake {
  /** The platform's own checks and success answer. */
  handle(request: ReceivedRequest): Reply;
  /** The platform's "try later" answer (a throttle code, a 5xx). */
  retryable: Reply;
  /** The platform's "never" answer (a bad signature, an unknown robot). */
  permanent: Reply;
  /** What the recipient sees of an accepted request. */
  decode(request: ReceivedRequest): NotifierSinkDelivery;
  /** Whether the idempotency key travels with the message. */
  carriesIdempotencyKey: boolean;
}

/** A {@link NotifierSink} for `testNotifier`: a loopback server answering as `fake` does. */
export async function startPlatformSink(fake: PlatformFake): Promise<NotifierSink & { baseUrl: string }> {
  const behaviours: NotifierSinkBehaviour[] = [];
  const deliveries: NotifierSinkDelivery[] = [];
  const server = await startLoopbackServer((request) => {
    const behaviour = behaviours.shift() ?? 'succeed';
    if (behaviour === 'hang') return 'hang';
    if (behaviour === 'retryable') return fake.retryable;
    if (behaviour === 'permanent') return fake.permanent;
    const reply = fake.handle(request);
    if (reply !== 'hang' && reply.status >= 200 && reply.status < 300 && isAccepted(reply.body)) deliveries.push(fake.decode(request));
    return reply;
  });
  return {
    baseUrl: server.baseUrl,
    supports: { retryable: true, permanent: true, hang: true, idempotencyKey: fake.carriesIdempotencyKey },
    next: (behaviour) => behaviours.push(behaviour),
    requests: () => server.requests.length,
    deliveries: () => deliveries,
    close: () => server.close(),
  };
}

/** A 2xx is accepted unless its body carries a non-zero platform result code. */
function isAccepted(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return true;
  const record = body as Record<string, unknown>;
  const code = record['errcode'] ?? record['code'] ?? record['StatusCode'];
  return code === undefined || code === 0;
}
