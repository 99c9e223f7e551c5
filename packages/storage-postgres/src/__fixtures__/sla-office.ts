import { createCommunity, manualClock, type OfficeConfigInput, type StorageAdapter } from '@kechuang/community';
import { firingRecorder } from './firing-recorder.js';

const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * One category under an SLA policy with three reminders and two escalation steps, so every
 * submitted request schedules five SLA timers; everything is routed to the station head.
 */
export const slaOfficeConfig: OfficeConfigInput = {
  slaPolicies: [
    {
      id: 'assistance',
      labels: labels('求助类', 'Assistance'),
      respond: { workingHours: 4 },
      resolve: { workingDays: 5 },
      reminders: [0.5, 0.8, 1],
      escalation: [
        { afterWorkingDays: 0, notify: ['station_head'] },
        { afterWorkingDays: 2, notify: ['office_staff'] },
      ],
    },
  ],
  categories: [{ id: 'legal', labels: labels('法律服务', 'Legal'), sla: 'assistance' }],
  routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
};

/**
 * Builds an office through the public API on `storage` and submits `requests` requests on
 * Monday 2 March 2026 (Shanghai), each with `timersPerRequest` recorder timers and five SLA
 * timers, all long due by any later date. Returns the system session and the request ids.
 */
export async function submitSlaRequests(storage: StorageAdapter, requests: number, timersPerRequest: number) {
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const community = createCommunity({ storage, clock, plugins: [firingRecorder({ workerId: 'setup', timersPerRequest })] });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  await system.config.update(slaOfficeConfig);
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const enterprise = await system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id, industry: '数字经济', size: 'small' });
  await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  await system.members.create({ code: 'S003', name: '周科员', roles: [{ role: 'office_staff' }] });
  const requestIds: string[] = [];
  for (let i = 0; i < requests; i++) {
    const request = await system.requests.submit({ communityId: mc.id, enterpriseId: enterprise.id, channel: 'phone', category: 'legal', title: `项目尾款未结 ${i}`, description: '没有签合同，只有聊天记录' });
    requestIds.push(request.id);
  }
  return { system, requestIds };
}
