import type { OfficeConfigInput } from '../config/config-schema.js';

/** Shanghai wall-clock time as an instant. */
export const shanghai = (local: string): Date => new Date(`${local}+08:00`);

/**
 * An office config, needing only a station head in the directory, whose `legal` requests go to
 * the station head and run under an SLA policy of 5 working days with two escalation steps:
 * the station head at the deadline, office staff two working days after.
 * Submitted on Monday 2026-03-02 09:00 (Shanghai), a request is due 2026-03-09 17:30; its
 * first step fires from then, its second from 2026-03-11 17:30.
 */
export function escalatingConfig(): OfficeConfigInput {
  const labels = { 'zh-CN': '求助类', en: 'Assistance' };
  return {
    categories: [{ id: 'legal', labels: { 'zh-CN': '法律服务', en: 'Legal' }, sla: 'assistance' }],
    routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
    slaPolicies: [
      {
        id: 'assistance',
        labels,
        respond: { workingHours: 4 },
        resolve: { workingDays: 5 },
        reminders: [1],
        escalation: [
          { afterWorkingDays: 0, notify: ['station_head'] },
          { afterWorkingDays: 2, notify: ['office_staff'] },
        ],
        returnWindowWorkingDays: 2,
      },
    ],
  };
}

/** When to submit a `legal` request under {@link escalatingConfig}, and when each of its steps is due. */
export const ESCALATION_TIMES = {
  submit: shanghai('2026-03-02T09:00:00'),
  firstStep: shanghai('2026-03-10T09:00:00'),
  secondStep: shanghai('2026-03-12T09:00:00'),
} as const;
