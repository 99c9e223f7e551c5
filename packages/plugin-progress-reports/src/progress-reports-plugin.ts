import { definePlugin, type NotificationLocale, type PluginSetupContext, type TimerFireContext, type TimerFireResult, type TransactionHookContext } from '@kechuang/community';
import { z } from 'zod';
import { owesReports } from './long-running.js';
import { progressReportsOptions, type ProgressReportsOptions } from './progress-options.js';
import { progressReportsModels, SENT_MODEL, SERIES_MODEL, type SentReport } from './progress-schema.js';
import { reportData } from './report-data.js';
import { defaultReportTemplates } from './report-templates.js';
import { requestFacts } from './request-facts.js';

/**
 * The notification event of a progress report, for office rules and templates.
 *
 * @example
 * ```ts
 * // In the office config (YAML): also tell the park's captain.
 * // notifications: { rules: [{ on: [progress-reports.report], to: [captain] }] }
 * const rule = { on: [PROGRESS_REPORT_EVENT], to: ['captain'] };
 * ```
 */
export const PROGRESS_REPORT_EVENT = 'progress-reports.report';

const sentEvent = z.object({ officeId: z.string(), requestId: z.string(), n: z.number().int(), messages: z.number().int(), sentAt: z.date() });

type Events = { 'progress-reports.sent': z.output<typeof sentEvent> };
type Context = PluginSetupContext<ProgressReportsOptions, Events>;

const LOCALES: readonly NotificationLocale[] = ['zh-CN', 'en'];

/**
 * Starts a series of reports when a command makes a request owe them (at submit, or when a
 * later command tags it, puts it under a matching SLA policy, or redoes it): the first report
 * is due the interval's working days on, in the office's calendar. A request that owed them
 * before the command is in a series already.
 */
async function startSeries(ctx: Context, change: TransactionHookContext): Promise<void> {
  const { options } = ctx;
  const { request, previous, tx } = change;
  if (!owesReports(options.when, options.concludedStatuses, request)) return;
  if (previous && owesReports(options.when, options.concludedStatuses, previous)) return;
  const now = request.updatedAt;
  // Through the command's transaction, as the command sees the office's config.
  const calendar = await change.calendar();
  const series = { id: request.id, officeId: request.officeId, requestId: request.id, series: request.version, startedAt: now };
  const where = [{ field: 'id', value: request.id }];
  if (await tx.findOne({ model: SERIES_MODEL, where })) await tx.update({ model: SERIES_MODEL, where, data: { series: series.series, startedAt: now } });
  else await tx.create({ model: SERIES_MODEL, data: series });
  await ctx.timers.schedule(tx, {
    officeId: request.officeId,
    requestId: request.id,
    name: 'report',
    key: `${request.id}:${request.version}:1`,
    dueAt: calendar.addWorkingDays(now, options.intervalWorkingDays),
    payload: { series: request.version, seq: 1 },
    createdAt: now,
  });
}

/**
 * A report falls due: unless the request has concluded, stopped being long-running or started
 * a newer series, it tells the enterprise's contacts, records the report and schedules the
 * next one. All of it commits with the timer's firing, so a worker that dies half-way leaves
 * nothing behind and the next worker sends the report once.
 */
async function fireReport(ctx: Context, fire: TimerFireContext): Promise<TimerFireResult | void> {
  const { options } = ctx;
  const { timer, tx, now } = fire;
  const series = Number(timer.payload['series']);
  const seq = Number(timer.payload['seq']);
  if (!timer.requestId || !Number.isInteger(series) || !Number.isInteger(seq)) return;
  const office = { field: 'officeId', value: timer.officeId };
  // The request first: a command that starts a newer series commits the request and the series
  // row together, so whoever sees the request after it also sees the new series.
  const row = await tx.findOne({ model: 'request', where: [office, { field: 'id', value: timer.requestId }] });
  if (!row) return;
  const request = requestFacts(row);
  if (!owesReports(options.when, options.concludedStatuses, request)) return;
  const current = await tx.findOne({ model: SERIES_MODEL, where: [{ field: 'id', value: request.id }] });
  if (current?.['series'] !== series) return;

  const n = (await tx.count({ model: SENT_MODEL, where: [office, { field: 'requestId', value: request.id }] })) + 1;
  const calendar = await fire.calendar();
  const messages = await ctx.notifications.send(tx, {
    officeId: request.officeId,
    requestId: request.id,
    event: PROGRESS_REPORT_EVENT,
    key: `report-${n}`,
    data: reportData(request, n, calendar, now),
    now,
  });
  const sent: SentReport = { id: `${request.id}:${n}`, officeId: request.officeId, requestId: request.id, n, sentAt: now, messages, series };
  await tx.create({ model: SENT_MODEL, data: { ...sent } });
  await ctx.timers.schedule(tx, {
    officeId: request.officeId,
    requestId: request.id,
    name: 'report',
    key: `${request.id}:${series}:${seq + 1}`,
    dueAt: calendar.addWorkingDays(now, options.intervalWorkingDays),
    payload: { series, seq: seq + 1 },
    createdAt: now,
  });
  const payload: Events['progress-reports.sent'] = { officeId: request.officeId, requestId: request.id, n, messages, sentAt: now };
  return { events: [{ type: 'progress-reports.sent', payload }] };
}

/**
 * Periodic progress reports (进展告知) on long-running requests (长期办理). A request is
 * long-running when it carries one of the configured tags (by default `长期办理`, which a
 * routing rule can set), is under one of the SLA policies or is in one of the categories. From
 * the moment it becomes so, its enterprise's contacts are sent `progress-reports.report` every
 * `intervalWorkingDays` working days (holidays and make-up workdays of the office's calendar
 * counted), until it is replied to, closed, withdrawn or merged. Reports are durable plugin
 * timers fired by `createWorker`; each is recorded in `progress_reports_sent` and published as
 * `progress-reports.sent`. The wording is the office's template for the event if its config
 * has one, else the `template` option, else the plugin's default.
 *
 * @example
 * ```ts
 * import { createCommunity, createWorker } from '@kechuang/community';
 * import { sqliteStorage } from '@kechuang/storage-sqlite';
 * import { progressReports } from '@kechuang/plugin-progress-reports';
 *
 * const community = createCommunity({
 *   storage: sqliteStorage({ filename: 'kechuang.db' }),
 *   notifiers: [mailer],
 *   plugins: [progressReports({ intervalWorkingDays: 5, when: { tags: ['长期办理'], slaPolicies: ['complex'] } })],
 * });
 * community.events.on('progress-reports.sent', ({ requestId, n }) => log.info(`report ${n} on ${requestId}`));
 * createWorker(community).start();
 * ```
 *
 * @function
 */
export const progressReports = definePlugin({
  id: 'progress-reports',
  version: '0.1.0',
  options: progressReportsOptions,
  schema: { models: progressReportsModels },
  events: { 'progress-reports.sent': sentEvent },
  setup(ctx) {
    const { options, hooks, timers, notifications } = ctx;
    notifications.event('report');
    notifications.rule({ on: [PROGRESS_REPORT_EVENT], to: ['enterprise_contact'] });
    for (const locale of LOCALES) notifications.template(PROGRESS_REPORT_EVENT, locale, options.template[locale] ?? defaultReportTemplates[locale]);
    timers.handle('report', (fire) => fireReport(ctx, fire));
    hooks.transaction('*', (change) => startSeries(ctx, change));
  },
});
