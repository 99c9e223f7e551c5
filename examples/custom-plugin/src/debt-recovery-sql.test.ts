import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorker, definePlugin, manualClock, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
// This repository's probe of the test database. Outside it, probe your own the same way: skip
// loudly when it is unreachable, and fail when CI=true.
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../../packages/storage-postgres/src/pg-test-database.js';
import { openCangqian } from './cangqian-office.js';
import { LARGE_CLAIM_EVENT } from './debt-recovery-plugin.js';

const reachable = await probeDatabase('examples/custom-plugin/debt-recovery-sql.test.ts');
const directory = mkdtempSync(join(tmpdir(), 'kechuang-debt-recovery-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  if (reachable) for (const schema of schemas) await dropSchema(schema);
});

let files = 0;
/** Each adapter opens a new, empty database of this file's own: a file, or a schema. */
const adapters: { name: string; skipped: string | null; open(): StorageAdapter }[] = [
  { name: 'sqliteStorage', skipped: null, open: () => sqliteStorage({ filename: join(directory, `office-${++files}.db`) }) },
  {
    name: 'postgresStorage',
    skipped: reachable ? null : `PostgreSQL unreachable at ${connectionString}`,
    open: () => {
      const schema = freshSchemaName();
      schemas.push(schema);
      return postgresStorage({ connectionString, schema });
    },
  },
];

const archive = definePlugin({
  id: 'archive',
  setup({ hooks }) {
    hooks.transaction('submit', () => {
      throw new Error('档案系统暂时不可用');
    });
  },
});

for (const adapter of adapters) {
  describe.skipIf(adapter.skipped !== null)(adapter.skipped === null ? `debt recovery on ${adapter.name}` : `debt recovery on ${adapter.name} — SKIPPED: ${adapter.skipped}`, () => {
    it('routes by the sum owed and delivers the large-claim notice it committed with the request', async () => {
      const storage = adapter.open();
      const office = await openCangqian({ storage, clock: manualClock(new Date('2026-03-02T10:00:00+08:00')) });
      try {
        const large = await office.system.requests.submit(office.claim('40余个项目尾款未结', '约12万元'));
        const small = await office.system.requests.submit(office.claim('一笔设计费未结', '8,500元'));
        expect(large.assigneeId).toBe(office.members.lawyer.id);
        expect(small.assigneeId).toBe(office.members.commissioner.id);
        const rows = await storage.findMany({ model: 'outbox', where: [{ field: 'officeId', value: office.office.id }, { field: 'event', value: LARGE_CLAIM_EVENT }] });
        expect(rows.map((row) => [row['requestId'], row['recipientMemberId']])).toEqual([[large.id, office.members.stationHead.id]]);
        await createWorker(office.community).runOnce();
        const delivered = office.mailbox.messages.filter((message) => message.event === LARGE_CLAIM_EVENT);
        expect(delivered.map((message) => message.text.split('\n')[1])).toEqual(['杭州数像科技有限公司反映被拖欠款项12万元，诉求「40余个项目尾款未结」已受理。']);
      } finally {
        await office.community.close();
        await storage.close?.();
      }
    });

    it('writes neither the request nor its notice when a later transaction hook fails', async () => {
      const storage = adapter.open();
      const office = await openCangqian({ storage, plugins: [archive()] });
      try {
        await expect(office.system.requests.submit(office.claim('40余个项目尾款未结', '约12万元'))).rejects.toMatchObject({ code: 'PLUGIN_ERROR' });
        expect(await storage.findMany({ model: 'request', where: [{ field: 'officeId', value: office.office.id }] })).toEqual([]);
        expect(await storage.findMany({ model: 'outbox', where: [{ field: 'officeId', value: office.office.id }] })).toEqual([]);
      } finally {
        await office.community.close();
        await storage.close?.();
      }
    });
  });
}
