import type { OfficeConfigInput } from '../config/config-schema.js';
import type { ServiceRequest } from '../model/request.js';
import { routingConfig } from './routing-config.js';
import { smallOffice, submission, type SmallOffice } from './small-office.js';

/** Shanghai wall-clock time as an instant. */
export const shanghai = (local: string): Date => new Date(`${local}+08:00`);

/** The small office's config with an SLA: sign for in 4 working hours, resolve in 5 working days. */
export function slaOfficeConfig(metrics?: OfficeConfigInput['metrics']): OfficeConfigInput {
  const config = routingConfig();
  config.slaPolicies = [
    {
      id: 'assistance',
      labels: { 'zh-CN': '求助类', en: 'Assistance' },
      respond: { workingHours: 4 },
      resolve: { workingDays: 5 },
      returnWindowWorkingDays: 2,
    },
  ];
  if (metrics) config.metrics = metrics;
  return config;
}

/** The small office with a worked month, and the requests by name. */
export interface WorkedMonth {
  fx: SmallOffice;
  requests: Record<'feb' | 'a' | 'b' | 'c' | 'd' | 'e', ServiceRequest>;
}

/**
 * The small office with one request in February 2026 and five in March, the clock left at
 * 1 April 2026 00:00 in Shanghai. Office hours 08:30–12:00 and 13:30–17:30.
 *
 * - feb (park 1): signed on time, solved, satisfied.
 * - a (park 1): signed in 1 h, solved the next day, satisfied.
 * - b (park 1): signed an hour after its 14:30 deadline, explained after its resolve deadline, basically satisfied.
 * - c (park 2): never signed or replied: a late response, open and overdue at the end.
 * - d (park 2): signed in 1 h, unsolvable, unsatisfied and concluded without a redo.
 * - e (park 1): withdrawn within the hour: collected, no response owed.
 *
 * @example
 * ```ts
 * const { fx } = await workedMonth();
 * await fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['park'] });
 * ```
 */
export async function workedMonth(): Promise<WorkedMonth> {
  const fx = await smallOffice();
  await fx.system.config.update(slaOfficeConfig());
  const at = (local: string): void => fx.clock.set(shanghai(local));
  const lead = (r: ServiceRequest) => fx.as(r.assigneeId ?? '');
  const submit = async (local: string, park2 = false): Promise<ServiceRequest> => {
    at(local);
    return fx.system.requests.submit(submission(fx, park2 ? { enterpriseId: fx.ent2.id } : {}));
  };
  const conclude = async (r: ServiceRequest, accepted: string, replied: string, outcome: 'solved' | 'explained' | 'unsolvable', rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'): Promise<void> => {
    at(accepted);
    await lead(r).requests.accept({ requestId: r.id });
    at(replied);
    await lead(r).requests.reply({ requestId: r.id, outcome, note: '已处理' });
    at(replied.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`));
    await fx.system.requests.followUp({ requestId: r.id, rating, ...(rating === 'unsatisfied' ? { redo: false } : {}) });
  };

  const feb = await submit('2026-02-03T09:00:00');
  await conclude(feb, '2026-02-03T10:00:00', '2026-02-04T10:00:00', 'solved', 'satisfied');
  const a = await submit('2026-03-02T09:00:00');
  await conclude(a, '2026-03-02T10:00:00', '2026-03-03T10:00:00', 'solved', 'satisfied');
  const b = await submit('2026-03-02T09:00:00');
  await conclude(b, '2026-03-02T15:30:00', '2026-03-10T10:00:00', 'explained', 'basically_satisfied');
  const c = await submit('2026-03-02T09:00:00', true);
  const d = await submit('2026-03-02T09:00:00', true);
  await conclude(d, '2026-03-02T10:00:00', '2026-03-05T09:00:00', 'unsolvable', 'unsatisfied');
  const e = await submit('2026-03-02T09:00:00');
  at('2026-03-02T10:00:00');
  await fx.system.requests.withdraw({ requestId: e.id, reason: '企业已自行解决' });

  at('2026-04-01T00:00:00');
  const current = async (r: ServiceRequest): Promise<ServiceRequest> => (await fx.system.requests.get(r.id)).request;
  return { fx, requests: { feb: await current(feb), a: await current(a), b: await current(b), c: await current(c), d: await current(d), e: await current(e) } };
}
