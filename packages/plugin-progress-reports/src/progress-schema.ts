import type { ModelDefinition } from '@kechuang/community';

/**
 * One report sent (or due with nobody to tell: `messages` 0), numbered per request.
 *
 * @example
 * ```ts
 * const reports = await storage.findMany({ model: SENT_MODEL, where: [{ field: 'requestId', value: id }], orderBy: [{ field: 'n' }] });
 * ```
 */
export const SENT_MODEL = 'progress_reports_sent';
/**
 * The series of reports a request is in: one row per request (its id is the request's),
 * naming the request version that started the series. A request that concludes and is then
 * redone (重办) starts a new series; timers of an older one stop when they fire.
 */
export const SERIES_MODEL = 'progress_reports_series';

export const progressReportsModels = {
  [SENT_MODEL]: {
    fields: {
      id: { type: 'string' },
      officeId: { type: 'string' },
      requestId: { type: 'string' },
      n: { type: 'number' },
      sentAt: { type: 'date' },
      /** Outbox rows written: one per recipient and channel. */
      messages: { type: 'number' },
      series: { type: 'number' },
    },
    unique: [{ name: 'progress_reports_sent_request_n', fields: ['requestId', 'n'] }],
    indexes: [{ name: 'progress_reports_sent_office_request', fields: ['officeId', 'requestId'] }],
  },
  [SERIES_MODEL]: {
    fields: {
      id: { type: 'string' },
      officeId: { type: 'string' },
      requestId: { type: 'string' },
      series: { type: 'number' },
      startedAt: { type: 'date' },
    },
    indexes: [{ name: 'progress_reports_series_office', fields: ['officeId'] }],
  },
} satisfies Record<string, ModelDefinition>;

/** A report as stored. */
export interface SentReport {
  /** The report's id. */
  id: string;
  /** The office of the request. */
  officeId: string;
  /** The request reported on. */
  requestId: string;
  /** 1 for the first report on the request, then 2, 3 … across series. */
  n: number;
  /** When it was sent (or fell due). */
  sentAt: Date;
  /** Outbox rows written: one per recipient and channel; 0 when nobody could be told. */
  messages: number;
  /** The series it belongs to: the request version that started the series. */
  series: number;
}
