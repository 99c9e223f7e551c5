/**
 * The whole way a notification travels, through the public API only: an office configures a
 * webhook channel; submitting a request and working it writes outbox rows in each change's
 * transaction; a worker delivers them with the signed `webhookNotifier` to a receiver on
 * 127.0.0.1 that checks every delivery with `verifyWebhook`. The messages are zh-CN, carry the
 * facts a receiver needs, and never a raw mobile number.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, createWorker } from '@kechuang/community';
import { verifyWebhook, webhookNotifier, type WebhookPayload } from '@kechuang/notify';
import { sqliteStorage } from '@kechuang/storage-sqlite';

const SECRET = 'whsec-end-to-end';
const dir = mkdtempSync(join(tmpdir(), 'kechuang-notify-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = `
categories:
  - { id: legal, labels: { zh-CN: 法律服务, en: Legal } }
routing:
  fallback:
    assign: { role: station_head }
notifications:
  channels: { webhook: integrator }
  rules:
    - { on: ['*'], to: [{ channel: webhook }] }
`;

describe('a request told to an integrator webhook, end to end on SQLite', () => {
  it('delivers one signed, masked zh-CN message per change, each once, with its idempotency key', { timeout: 30_000 }, async () => {
    const verify = verifyWebhook({ secret: SECRET });
    const received: WebhookPayload[] = [];
    const refused: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          received.push(verify(req.headers, Buffer.concat(chunks)));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `rcv-${received.length}` }));
        } catch (error) {
          refused.push(error instanceof Error ? error.message : String(error));
          res.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/kechuang`;
    const storage = sqliteStorage({ filename: join(dir, 'e2e.sqlite') });
    try {
      const community = createCommunity({ storage, notifiers: [webhookNotifier({ id: 'integrator', url, secret: SECRET })] });
      const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
      const system = community.as({ kind: 'system', officeId: office.id });
      const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
      const head = await system.members.create({ code: 'S001', name: '钟佳立', roles: [{ role: 'station_head' }] });
      await system.config.update(CONFIG);
      const submitted = await system.requests.submit({
        communityId: mc.id,
        channel: 'phone',
        category: 'legal',
        title: '项目尾款未结',
        description: '没有签合同，只有聊天记录，联系人电话13812345678',
      });
      expect(submitted.assigneeId).toBe(head.id);
      const asHead = community.as({ kind: 'member', officeId: office.id, memberId: head.id });
      await asHead.requests.accept({ requestId: submitted.id, version: submitted.version });

      const worker = createWorker(community);
      let settled = 0;
      worker.on('delivered', () => settled++);
      while ((await worker.runOnce()) > 0);

      expect(refused).toEqual([]);
      expect(received.length).toBeGreaterThanOrEqual(2);
      expect(settled).toBe(received.length);
      expect(new Set(received.map((m) => m.idempotencyKey)).size).toBe(received.length);
      expect(received.every((m) => m.requestId === submitted.id && m.locale === 'zh-CN' && m.officeId === office.id)).toBe(true);
      expect(received.map((m) => m.event).sort()).toEqual(['request.accept', 'request.submit']);
      const all = received.map((m) => `${m.title}\n${m.text}`).join('\n');
      expect(all).toContain('项目尾款未结');
      expect(all).not.toContain('13812345678');
      expect(all).toContain('138****5678');
      expect(await asHead.notifications.deadLetters({})).toMatchObject({ items: [] });
    } finally {
      await storage.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
