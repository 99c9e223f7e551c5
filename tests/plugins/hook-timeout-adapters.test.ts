import { createCommunity, definePlugin, isKechuangError, type StorageAdapter } from '@kechuang/community';
import { describe, expect } from 'vitest';
import { itOnSqlAdapters, sqlAdapters } from './sql-adapters.js';

/**
 * A transaction hook that hangs is cut off on the SQL adapters too: its command rolls back,
 * the connection is free for the next command, and a write the hook makes after it was cut
 * off never lands (it would otherwise run outside any transaction).
 */

const adapters = await sqlAdapters('hook-timeout-adapters.test.ts');

function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
}

async function hangingHookRollsBack(storage: StorageAdapter): Promise<void> {
  const late = gate();
  const settled = gate();
  let lateWrite: unknown = null;
  const sneaky = definePlugin({
    id: 'sneaky',
    schema: { models: { sneaky_row: { fields: { id: { type: 'string' }, officeId: { type: 'string' } } } } },
    setup: ({ hooks }) =>
      hooks.transaction('submit', async ({ tx, officeId, request }) => {
        if (request.title !== 'slow') return;
        await late.opened;
        try {
          await tx.create({ model: 'sneaky_row', data: { id: 'late', officeId } });
          lateWrite = 'landed';
        } catch (error) {
          lateWrite = error;
        } finally {
          settled.release();
        }
      }),
  });
  const community = createCommunity({ storage, plugins: [sneaky()], pluginHookTimeoutMs: 100 });
  const office = await community.offices.create({ code: 'slow', name: '慢街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const input = { communityId: mc.id, channel: 'phone' as const, category: 'policy', title: 'slow' };

  const error = await system.requests.submit(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isKechuangError(error, 'PLUGIN_TIMEOUT')).toBe(true);
  // The storage is free again while the cut-off hook still hangs.
  const next = await system.requests.submit({ ...input, title: '咨询人才政策' });
  expect(next.title).toBe('咨询人才政策');

  late.release();
  await settled.opened;
  expect(lateWrite).not.toBe('landed');
  expect(await storage.findMany({ model: 'sneaky_row', where: [] })).toEqual([]);
  expect((await system.requests.list({})).items.map((r) => r.title)).toEqual(['咨询人才政策']);
}

describe('a hung transaction hook on SQL adapters', () => itOnSqlAdapters(adapters, hangingHookRollsBack));
