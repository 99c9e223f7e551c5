import type { ServiceRequest } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../storage-postgres/src/pg-test-database.js';
import { communityOver, local, progressOffice, runDaily, sh, together, workerOf } from './__fixtures__/progress-office.js';

const reachable = await probeDatabase('plugin-progress-reports/progress-reports-postgres.test.ts');
const schema = freshSchemaName();
afterAll(async () => {
  if (reachable) await dropSchema(schema);
});

describe.skipIf(!reachable)(
  reachable ? 'progress reports on PostgreSQL' : `progress reports on PostgreSQL — SKIPPED: PostgreSQL unreachable at ${connectionString}`,
  () => {
    it('two instances’ workers racing every round send each report exactly once', async () => {
      // Two app instances: each its own pool, caches and worker, on one database.
      const first = postgresStorage({ connectionString, schema, max: 4 });
      const second = postgresStorage({ connectionString, schema, max: 4 });
      const fx = await progressOffice({}, { storage: first });
      const other = communityOver(second, fx, 'b');
      try {
        fx.clock.set(sh('2026-09-23T10:00:00'));
        const requests: ServiceRequest[] = [];
        for (const title of ['园区用地规划调整协调', '厂区用地性质变更', '新增用地指标申请']) requests.push(await fx.system.requests.submit(fx.input(title)));
        await runDaily(fx.clock, together(workerOf(fx.community, 'first'), workerOf(other, 'second')), '2026-10-22');
        for (const request of requests) {
          const sent = await first.findMany({ model: 'progress_reports_sent', where: [{ field: 'requestId', value: request.id }], orderBy: [{ field: 'n' }] });
          expect(sent.map((row) => [row['n'], local(row['sentAt'] as Date)])).toEqual([
            [1, '2026-10-08 18:00'],
            [2, '2026-10-14 18:00'],
            [3, '2026-10-21 18:00'],
          ]);
          const rows = await first.findMany({ model: 'outbox', where: [{ field: 'requestId', value: request.id }, { field: 'event', value: 'progress-reports.report' }] });
          expect(rows).toHaveLength(3);
        }
        const delivered = fx.mail.messages.filter((m) => m.event === 'progress-reports.report');
        expect(new Set(delivered.map((m) => m.idempotencyKey)).size).toBe(9);
        expect(delivered).toHaveLength(9);
      } finally {
        await other.close();
        await fx.community.close();
        await second.close?.();
        await first.close?.();
      }
    });
  },
);
