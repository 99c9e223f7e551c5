import { isKechuangError } from '../errors/kechuang-error.js';
import { checkWhere } from '../storage/schema-checks.js';
import type { FieldDefinition, Where } from '../storage/types.js';

/**
 * A metrics measure a plugin adds: the number of requests whose `field` (a date field of the
 * request, e.g. `createdAt` or `closedAt`, or a date field a plugin added) falls in the period
 * and that match `where`. It is evaluated like the core's own counts: pushed down to the
 * database when the adapter can aggregate, in memory otherwise, with the same figures.
 * `metrics.query` gives the count beside the core's counts, for the total and for every group
 * (`result.total.measures['<plugin-id>.<name>']`), and the labels in `result.measures`.
 *
 * A measure naming anything but a date field of the request, or a `where` the storage would
 * refuse, fails `createCommunity` with PLUGIN_ERROR naming the plugin and the field.
 *
 * @example
 * ```ts
 * definePlugin({
 *   id: 'urgent',
 *   setup({ metrics }) {
 *     metrics.measure({
 *       name: 'urgent.closed',
 *       label: { 'zh-CN': '紧急诉求办结数', en: 'Urgent requests closed' },
 *       field: 'closedAt',
 *       where: [{ field: 'priority', value: 'urgent' }, { field: 'status', value: 'closed' }],
 *     });
 *   },
 * });
 * ```
 */
export interface PluginMeasure {
  /** Namespaced by the plugin's id, e.g. `duplicates.auto_merged`. */
  name: string;
  /** What reports and dashboards call the figure. */
  label: {
    /** The Chinese name. */
    'zh-CN': string;
    /** The English name. */
    en: string;
  };
  /** The request's date field whose value places a request in a period. */
  field: string;
  /** Which of those requests count (ANDed conditions, as in storage queries). @default [] */
  where?: Where;
}

/** A measure as a metrics result describes it. */
export interface MetricsMeasure {
  /** The date field of the request the measure counts by. */
  field: string;
  /** What reports and dashboards call the figure. */
  label: {
    /** The Chinese name. */
    'zh-CN': string;
    /** The English name. */
    en: string;
  };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/**
 * What is wrong with a plugin's measure, given the request's fields (the core's and those the
 * plugins add): one sentence per problem, each naming the plugin, for `createCommunity`'s
 * PLUGIN_ERROR. Checked when the community is created, not at the first query, because every
 * field is known by then, and a report that fails at month's end is found far too late.
 */
export function measureProblems(plugin: string, measure: PluginMeasure, requestFields: Readonly<Record<string, FieldDefinition>>): string[] {
  const problems: string[] = [];
  const name = measure.name;
  if (!nonEmpty(measure.label?.['zh-CN']) || !nonEmpty(measure.label?.en)) {
    problems.push(`plugin '${plugin}' must give the metrics measure '${name}' a label in both zh-CN and en`);
  }
  const field = Object.hasOwn(requestFields, measure.field) ? requestFields[measure.field] : undefined;
  if (!field) {
    problems.push(`plugin '${plugin}' counts the metrics measure '${name}' by '${String(measure.field)}', which is not a field of the request; name a date field such as 'closedAt', or one the plugin adds`);
  } else if (field.type !== 'date') {
    problems.push(`plugin '${plugin}' counts the metrics measure '${name}' by the ${field.type} field '${measure.field}'; a measure counts by a date field of the request, such as 'closedAt'`);
  }
  try {
    checkWhere('request', { fields: requestFields }, measure.where ?? []);
  } catch (error) {
    if (!isKechuangError(error)) throw error;
    problems.push(`plugin '${plugin}' gives the metrics measure '${name}' a where-clause the storage refuses: ${error.message}`);
  }
  return problems;
}
