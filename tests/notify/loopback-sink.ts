import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the sink answers one request. */
export type SinkAnswer =
  /** 200 with `{"id": …}` (or `body`). */
  | { kind: 'ok'; body?: string }
  /** This status at once, e.g. 503. */
  | { kind: 'status'; status: number; body?: string }
  /**
   * Takes the message (it counts as received) but answers only after `ms`, by when the sender
   * has given up: the "processed, but the answer came too late" case.
   */
  | { kind: 'hold'; ms: number };

/** One request the sink received. */
export interface SinkRequest {
  /** The `Idempotency-Key` header. */
  key: string;
  /** 1 for the first request with this key, 2 for the second, … */
  nth: number;
  /** The `X-Kechuang-Attempt` header, if sent. */
  attemptHeader: number | null;
  answer: SinkAnswer;
  /** Whether the receiver took the message: answered 2xx, or held past the sender's timeout. */
  processed: boolean;
  body: string;
  /** Wall-clock receipt time. */
  receivedAt: number;
  /** The request path and query. */
  url: string;
}

/** A webhook-like HTTP server on 127.0.0.1 with keep-alive, answering as `decide` says. */
export interface LoopbackSink {
  url: string;
  requests: SinkRequest[];
  /** Requests per idempotency key, in arrival order. */
  byKey: Map<string, SinkRequest[]>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Starts a sink; `decide` picks the answer from the idempotency key, how many times it was
 * seen, the body and the request's headers and URL.
 */
export async function startSink(decide: (key: string, nth: number, body: string, request: { headers: IncomingHttpHeaders; url: string }) => SinkAnswer): Promise<LoopbackSink> {
  const requests: SinkRequest[] = [];
  const byKey = new Map<string, SinkRequest[]>();
  const held = new Set<ReturnType<typeof setTimeout>>();
  const answer = (response: ServerResponse, status: number, body: string): void => {
    if (response.destroyed || response.writableEnded) return;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const key = String(request.headers['idempotency-key'] ?? '');
      const seen = byKey.get(key) ?? [];
      byKey.set(key, seen);
      const nth = seen.length + 1;
      const attempt = request.headers['x-kechuang-attempt'];
      const url = request.url ?? '';
      const decision = decide(key, nth, body, { headers: request.headers, url });
      const entry: SinkRequest = {
        key,
        nth,
        attemptHeader: typeof attempt === 'string' ? Number(attempt) : null,
        answer: decision,
        processed: decision.kind === 'ok' || decision.kind === 'hold',
        body,
        receivedAt: Date.now(),
        url,
      };
      seen.push(entry);
      requests.push(entry);
      if (decision.kind === 'ok') answer(response, 200, decision.body ?? JSON.stringify({ id: `sink-${requests.length}` }));
      else if (decision.kind === 'status') answer(response, decision.status, decision.body ?? JSON.stringify({ error: `status ${decision.status}` }));
      else {
        const timer = setTimeout(() => {
          held.delete(timer);
          answer(response, 200, JSON.stringify({ id: 'too-late' }));
        }, decision.ms);
        held.add(timer);
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    byKey,
    async close() {
      for (const timer of held) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
