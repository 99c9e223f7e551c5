/** The timer kinds the SLA engine schedules (kept apart so the pipeline can name them without loading the engine). */
export const SLA_TIMER_KINDS = ['sla.reminder', 'sla.escalation'] as const;
