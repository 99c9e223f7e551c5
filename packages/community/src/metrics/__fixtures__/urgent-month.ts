import { shanghai, slaOfficeConfig } from '../../__fixtures__/metrics-month.js';
import { smallOffice, submission, type SmallOffice } from '../../__fixtures__/small-office.js';
import type { CommunityOptions } from '../../community.js';
import type { ServiceRequest } from '../../model/request.js';
import { definePlugin, type Plugin } from '../../plugins/define-plugin.js';

/**
 * A plugin with three measures: urgent requests closed (by `closedAt`), urgent requests
 * received (by `createdAt`), and urgent requests it flagged itself, by a date field it adds
 * and sets in the submit's transaction.
 */
export const urgentMeasures = definePlugin({
  id: 'urgent',
  schema: { fields: { request: { urgentFlaggedAt: { type: 'date', nullable: true } } } },
  setup({ metrics, hooks }) {
    const urgent = { field: 'priority', value: 'urgent' } as const;
    metrics.measure({
      name: 'urgent.closed',
      label: { 'zh-CN': '紧急诉求办结数', en: 'Urgent requests closed' },
      field: 'closedAt',
      where: [urgent, { field: 'status', value: 'closed' }],
    });
    metrics.measure({ name: 'urgent.received', label: { 'zh-CN': '紧急诉求受理数', en: 'Urgent requests received' }, field: 'createdAt', where: [urgent] });
    metrics.measure({ name: 'urgent.flagged', label: { 'zh-CN': '紧急标记数', en: 'Urgent requests flagged' }, field: 'urgentFlaggedAt' });
    hooks.transaction('submit', async ({ tx, request }) => {
      if (request.priority !== 'urgent') return;
      const where = [{ field: 'id', value: request.id }, { field: 'officeId', value: request.officeId }];
      await tx.update({ model: 'request', where, data: { urgentFlaggedAt: request.createdAt } });
    });
  },
});

/** The small office with urgent and normal requests around March 2026, and the requests by name. */
export interface UrgentMonth {
  fx: SmallOffice;
  requests: Record<'feb' | 'closed' | 'april' | 'withdrawn' | 'normal' | 'open', ServiceRequest>;
}

/**
 * The small office (SLA config of `metrics-month`) with the `urgent` plugin and six requests.
 * The clock is left at 1 May 2026 00:00 in Shanghai.
 *
 * - feb (park 1, urgent): submitted and closed in February.
 * - closed (park 1, urgent): submitted 2 March, closed 4 March.
 * - april (park 2, urgent): submitted 2 March, closed 2 April.
 * - withdrawn (park 1, urgent): submitted and withdrawn 2 March: closed in time, but not `closed`.
 * - normal (park 1): submitted 2 March, closed 5 March.
 * - open (park 2, urgent): submitted 3 March, still open.
 *
 * @example
 * ```ts
 * const { fx } = await urgentMonth();
 * const march = await fx.system.metrics.query({ period: { month: '2026-03' } });
 * march.total.measures['urgent.closed']; // 1
 * ```
 */
export async function urgentMonth(options: Partial<CommunityOptions<readonly Plugin[]>> = {}): Promise<UrgentMonth> {
  const fx = await smallOffice({ ...options, plugins: [urgentMeasures()] });
  await fx.system.config.update(slaOfficeConfig());
  const at = (local: string): void => fx.clock.set(shanghai(local));
  const submit = async (local: string, priority: 'urgent' | 'normal', park2 = false): Promise<ServiceRequest> => {
    at(local);
    return fx.system.requests.submit(submission(fx, { priority, ...(park2 ? { enterpriseId: fx.ent2.id } : {}) }));
  };
  const conclude = async (r: ServiceRequest, day: string): Promise<void> => {
    const lead = fx.as(r.assigneeId ?? '');
    at(`${day}T09:00:00`);
    await lead.requests.accept({ requestId: r.id });
    at(`${day}T10:00:00`);
    await lead.requests.reply({ requestId: r.id, outcome: 'solved', note: '已处理' });
    at(`${day}T11:00:00`);
    await fx.system.requests.followUp({ requestId: r.id, rating: 'satisfied' });
  };

  const feb = await submit('2026-02-03T09:00:00', 'urgent');
  await conclude(feb, '2026-02-04');
  const closed = await submit('2026-03-02T09:00:00', 'urgent');
  const april = await submit('2026-03-02T09:10:00', 'urgent', true);
  const withdrawn = await submit('2026-03-02T09:20:00', 'urgent');
  const normal = await submit('2026-03-02T09:30:00', 'normal');
  at('2026-03-02T10:00:00');
  await fx.system.requests.withdraw({ requestId: withdrawn.id, reason: '企业已自行解决' });
  const open = await submit('2026-03-03T09:00:00', 'urgent', true);
  await conclude(closed, '2026-03-04');
  await conclude(normal, '2026-03-05');
  await conclude(april, '2026-04-02');

  at('2026-05-01T00:00:00');
  const current = async (r: ServiceRequest): Promise<ServiceRequest> => (await fx.system.requests.get(r.id)).request;
  return {
    fx,
    requests: {
      feb: await current(feb),
      closed: await current(closed),
      april: await current(april),
      withdrawn: await current(withdrawn),
      normal: await current(normal),
      open: await current(open),
    },
  };
}
