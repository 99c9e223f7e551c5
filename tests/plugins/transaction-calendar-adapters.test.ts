import { createCommunity, definePlugin, manualClock, type StorageAdapter } from '@kechuang/community';
import { describe, expect } from 'vitest';
import { ESCALATION_TIMES, escalatingConfig } from '../../packages/community/src/__fixtures__/escalating-office.js';
import { itOnSqlAdapters, sqlAdapters } from './sql-adapters.js';

/**
 * A `transaction` hook reads the office's working calendar through the command's own
 * transaction (`calendar()`): the office's holidays count, on a community whose first command
 * this is.
 */

const adapters = await sqlAdapters('transaction-calendar-adapters.test.ts');

/** Shanghai calendar date of an instant. */
const shanghaiDate = (at: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at);

async function hookReadsOfficeCalendar(storage: StorageAdapter): Promise<void> {
  const followUp = definePlugin({
    id: 'follow-up',
    schema: { models: { follow_up_due: { fields: { id: { type: 'string' }, officeId: { type: 'string' }, dueAt: { type: 'date' } } } } },
    setup({ hooks }) {
      hooks.transaction('submit', async ({ tx, officeId, request, calendar }) => {
        const dueAt = (await calendar()).addWorkingDays(request.createdAt, 1);
        await tx.create({ model: 'follow_up_due', data: { id: request.id, officeId, dueAt } });
      });
    },
  });
  const clock = manualClock(ESCALATION_TIMES.submit);
  const setUp = createCommunity({ storage, clock });
  const office = await setUp.offices.create({ code: 'calendar-hooks', name: '仓前街道' });
  const system = setUp.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  // Tuesday 3 March is a holiday in this office only: the next working day after Monday is Wednesday.
  await system.config.update({ ...escalatingConfig(), calendar: { holidays: [{ date: '2026-03-03', name: '街道活动日' }] } });

  // A community that has read nothing yet, as after a restart: its first command reads the config cold.
  const community = createCommunity({ storage, clock, plugins: [followUp()] });
  const request = await community.as({ kind: 'system', officeId: office.id }).requests.submit({ communityId: mc.id, channel: 'phone', category: 'legal', title: '40余个项目尾款未结' });
  const [due] = await storage.findMany({ model: 'follow_up_due', where: [{ field: 'id', value: request.id }] });
  expect(due?.['dueAt']).toBeInstanceOf(Date);
  expect(shanghaiDate(due?.['dueAt'] as Date)).toBe('2026-03-04');
}

describe('transaction hooks read the office calendar through the transaction', () => itOnSqlAdapters(adapters, hookReadsOfficeCalendar));
