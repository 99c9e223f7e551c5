import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it, raw body included. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as sent (nothing decoded). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What to answer: a status, headers and a body (objects are sent as JSON), or no answer at all. */
export type Reply = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';

/** A real HTTP server on 127.0.0.1 with a random port, answering through `handler`. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Answers the next requests with these replies, one each, before `handler` takes over again. */
  queue(...replies: Reply[]): void;
  /** Resolves when the next request has arrived. */
  nextRequest(): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: (request: ReceivedRequest) => Reply): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const queued: Reply[] = [];
  const waiting: ((request: ReceivedRequest) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      for (const resolve of waiting.splice(0)) resolve(request);
      answer(res, queued.shift() ?? handler(request));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    queue: (...replies) => queued.push(...replies),
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests would keep close() waiting for ever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(res: ServerResponse, reply: Reply): void {
  if (reply === 'hang') return;
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...reply.headers });
  res.end(text);
}
