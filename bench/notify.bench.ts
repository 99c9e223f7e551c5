/**
 * Notification deliveries per second through the outbox, to a local webhook sink (node:http
 * on 127.0.0.1, keep-alive, answering 200 at once), on `sqliteStorage` (a WAL file):
 * - notify.dispatch: 1 worker, 8 sends in flight, 64 messages per call;
 * - notify.dispatch-4-workers: 4 workers on the same storage, 8 sends in flight each, 128
 *   messages per call (32 each).
 * Each call writes its messages as pending outbox rows (one createMany), runs the workers'
 * rounds until all are delivered — lease (claim), send with a timeout, record with a guarded
 * update — and deletes the delivered rows, so the table stays the same size from call to call.
 *
 * Baseline: a bare loop POSTing the same JSON payloads with fetch to the same sink with the
 * same concurrency (8, resp. 32 lanes), and nothing else: no storage, no leases, no records.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommunity, createWorker, notifyError, type Community, type NotificationMessage, type Notifier, type Row, type StorageAdapter, type Worker } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import type { BenchmarkDefinition } from './harness.js';

const IN_FLIGHT = 8;

/** The body a webhook receiver gets: the same on both sides. */
function payload(message: Pick<NotificationMessage, 'id' | 'idempotencyKey' | 'event' | 'title' | 'text' | 'data'>): string {
  return JSON.stringify({ id: message.id, idempotencyKey: message.idempotencyKey, event: message.event, title: message.title, text: message.text, data: message.data });
}

async function post(url: string, body: string, key: string, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': key }, body, ...(signal ? { signal } : {}) });
}

/** A minimal fetch webhook notifier: 2xx delivered, anything else retryable. */
function webhook(url: string): Notifier {
  return {
    id: 'hook',
    channel: 'webhook',
    async send(message, ctx) {
      const response = await post(url, payload(message), message.idempotencyKey, ctx.signal);
      const text = await response.text();
      if (!response.ok) throw notifyError.retryable(`HTTP ${response.status}`);
      return { externalId: (JSON.parse(text) as { id: string }).id };
    },
  };
}

async function startSink(): Promise<{ url: string; server: Server; received: () => number }> {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      const body = `{"id":"m${received}"}`;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, server, received: () => received };
}

function dispatchBenchmark(name: string, workerCount: number, perCall: number): BenchmarkDefinition {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-notify-'));
  let sink: Awaited<ReturnType<typeof startSink>>;
  let storage: StorageAdapter;
  let community: Community;
  let workers: Worker[];
  let officeId = '';
  let call = 0;

  function rows(): Row[] {
    call++;
    const now = new Date();
    return Array.from({ length: perCall }, (_, i) => {
      const id = `c${call}-m${i}`;
      return {
        id,
        officeId,
        requestId: null,
        event: 'request.assign',
        notifierId: 'hook',
        channel: 'webhook',
        recipientMemberId: null,
        idempotencyKey: `request.assign:${id}:webhook`,
        message: { locale: 'zh-CN', title: '新诉求待处理', text: `您有一条新诉求待处理：40余个项目尾款未结（${id}）`, html: null, to: { memberId: null, name: '对接系统', address: null }, data: { requestId: id, status: 'assigned' } },
        status: 'pending',
        dueAt: now,
        attempts: 0,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
        externalId: null,
        deliveredAt: null,
        deadAt: null,
        createdAt: now,
        version: 1,
      };
    });
  }

  const payloads = Array.from({ length: perCall }, (_, i) => {
    const id = `b-m${i}`;
    return { key: `request.assign:${id}:webhook`, body: payload({ id, idempotencyKey: `request.assign:${id}:webhook`, event: 'request.assign', title: '新诉求待处理', text: `您有一条新诉求待处理：40余个项目尾款未结（${id}）`, data: { requestId: id, status: 'assigned' } }) };
  });

  return {
    name,
    opsPerCall: perCall,
    async setup() {
      sink = await startSink();
      storage = sqliteStorage({ filename: join(dir, 'notify.sqlite') });
      community = createCommunity({ storage, notifiers: [webhook(sink.url)] });
      officeId = (await community.offices.create({ code: 'cangqian', name: '仓前街道' })).id;
      workers = Array.from({ length: workerCount }, (_, i) =>
        createWorker(community, { id: `bench-${i}`, notify: { batchSize: perCall / workerCount, concurrency: IN_FLIGHT } }),
      );
    },
    async fn() {
      await storage.createMany?.({ model: 'outbox', data: rows() });
      let delivered = 0;
      while (delivered < perCall) {
        const settled = await Promise.all(workers.map((w) => w.runOnce()));
        delivered += settled.reduce((a, b) => a + b, 0);
      }
      await storage.delete({ model: 'outbox', where: [{ field: 'status', value: 'delivered' }] });
    },
    baseline: {
      name: `fetch POST loop, ${IN_FLIGHT * workerCount} in flight`,
      opsPerCall: perCall,
      async fn() {
        let next = 0;
        await Promise.all(
          Array.from({ length: IN_FLIGHT * workerCount }, async () => {
            while (next < payloads.length) {
              const { key, body } = payloads[next++]!;
              const response = await post(sink.url, body, key);
              await response.text();
              if (!response.ok) throw new Error(`HTTP ${response.status}`);
            }
          }),
        );
      },
    },
    async teardown() {
      const stats = workers?.map((w) => w.stats);
      if (stats) console.log(`\n  ${name}: ${stats.reduce((s, x) => s + x.delivered, 0)} delivered, ${stats.reduce((s, x) => s + x.failed + x.dead + x.lostLeases, 0)} failed/dead/lost; the sink took ${sink?.received() ?? 0} requests`);
      await storage?.close?.();
      sink?.server.closeAllConnections();
      await new Promise<void>((resolve) => (sink ? sink.server.close(() => resolve()) : resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const benchmarks: BenchmarkDefinition[] = [dispatchBenchmark('notify.dispatch', 1, 64), dispatchBenchmark('notify.dispatch-4-workers', 4, 128)];
