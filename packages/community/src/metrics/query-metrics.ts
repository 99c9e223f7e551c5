import type { z } from 'zod';
import type { Actor, ResolvedActor } from '../auth/actor.js';
import type { RequestScope } from '../auth/authorization-policy.js';
import { metricsConfigSchema, type OfficeConfig } from '../config/config-schema.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { StoredConfig } from '../pipeline/office-config.js';
import type { aggregateRows } from '../storage/aggregate-rows.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { Where } from '../storage/types.js';
import { evaluatePlan, type GroupFigures } from './evaluate-plan.js';
import { groupLabels, labelOf } from './group-labels.js';
import { metricsQueryInput, type MetricsQuery } from './metrics-input.js';
import type { MetricsDimension, MetricsResult, MetricsRow } from './metrics-types.js';
import { resolvePeriod } from './period.js';
import { rates } from './rates.js';

function filterConditions(filter: MetricsQuery['filter']): Where {
  const where: Where[number][] = [];
  const add = (field: string, values: readonly string[] | undefined): void => {
    if (values) where.push({ field, op: 'in', value: values });
  };
  add('communityId', filter.communityId);
  add('parkId', filter.parkId);
  add('category', filter.category);
  add('channel', filter.channel);
  add('assigneeId', filter.assigneeId);
  return where;
}

function chooseEvaluation(runtime: Runtime, asked: MetricsQuery['evaluation']): 'database' | 'in_memory' {
  const can = runtime.storage.capabilities.aggregate && typeof runtime.storage.aggregate === 'function';
  if (asked === 'database' && !can) {
    throw new KechuangError('UNSUPPORTED_ADAPTER', `Storage adapter '${runtime.storage.id}' cannot aggregate, so metrics cannot be pushed down to it. Leave "evaluation" at "auto" to compute them from the rows instead.`);
  }
  return asked === 'in_memory' || !can ? 'in_memory' : 'database';
}

async function timeZoneOf(runtime: Runtime, officeId: string, config: OfficeConfig | null): Promise<string> {
  if (config) return config.calendar.timeZone;
  const office = await runtime.storage.findOne({ model: 'office', where: [{ field: 'id', value: officeId }] });
  const zone = office?.['timeZone'];
  return typeof zone === 'string' && zone.length > 0 ? zone : 'Asia/Shanghai';
}

// Rows follow the dimensions in the order asked, each by its code (park P01 …) or name.
function compareRows(groupBy: readonly MetricsDimension[]) {
  return (a: MetricsRow, b: MetricsRow): number => {
    for (const dim of groupBy) {
      const x = a.labels[dim];
      const y = b.labels[dim];
      const left = a.key[dim] === null ? '\uffff' : (x?.code ?? x?.en ?? '');
      const right = b.key[dim] === null ? '\uffff' : (y?.code ?? y?.en ?? '');
      if (left !== right) return left < right ? -1 : 1;
    }
    return 0;
  };
}

/**
 * What the session passes in rather than this chunk importing it: a lazy chunk that imports
 * part of the start bundle splits it, and every extra chunk costs the start bundle more.
 */
export interface MetricsHelpers {
  loadActor(runtime: Runtime, actor: Actor, purpose: 'read'): Promise<ResolvedActor>;
  assistedRequestIds(runtime: Runtime, actor: ResolvedActor): Promise<string[]>;
  scopeToWhere(scope: RequestScope): Where;
  configInForce(runtime: Runtime, officeId: string): Promise<StoredConfig | null>;
  parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S>;
  aggregateRows: typeof aggregateRows;
}

/**
 * `metrics.query`: the three rates, the on-time rate, the composite score, counts, the plugins'
 * measures and working-time percentiles of a period, over the requests the actor may see,
 * broken down by up to three dimensions. Definitions: docs/metrics.md.
 */
export async function queryMetrics(runtime: Runtime, who: Actor, raw: unknown, helpers: MetricsHelpers): Promise<MetricsResult> {
  const { loadActor, assistedRequestIds, scopeToWhere, configInForce, parseInput } = helpers;
  const input = parseInput(metricsQueryInput, raw, 'metrics query');
  const actor = await loadActor(runtime, who, 'read');
  const scope = runtime.policy.scope(actor, await assistedRequestIds(runtime, actor));
  const config = (await configInForce(runtime, actor.officeId))?.config ?? null;
  const settings = metricsConfigSchema.parse(config?.metrics ?? {});
  const period = resolvePeriod(input.period, await timeZoneOf(runtime, actor.officeId, config));
  const asOf = input.asOf ?? runtime.clock.now();
  const evaluation = chooseEvaluation(runtime, input.evaluation);
  const base: Where = [{ field: 'officeId', value: actor.officeId }, ...scopeToWhere(scope), ...filterConditions(input.filter)];
  const { measures } = runtime.plugins;
  const source = { storage: runtime.storage, base, evaluation, aggregateRows: helpers.aggregateRows, measures };
  const figures = await evaluatePlan(source, period, asOf, settings, input.groupBy);

  const values = new Map<MetricsDimension, Set<string>>(input.groupBy.map((dim) => [dim, new Set<string>()]));
  for (const row of figures.rows) for (const dim of input.groupBy) if (row.key[dim] != null) values.get(dim)?.add(row.key[dim]);
  const labels = await groupLabels(runtime.storage, actor.officeId, config, values);
  const toRow = (f: GroupFigures): MetricsRow => ({
    key: f.key,
    labels: Object.fromEntries(input.groupBy.map((dim) => [dim, labelOf(labels, dim, f.key[dim] ?? null)])),
    counts: f.counts,
    measures: f.measures,
    rates: rates(f.counts, settings.weights),
    durations: f.durations,
  });
  const { months: _months, ...periodOut } = period;
  return {
    officeId: actor.officeId,
    period: periodOut,
    asOf,
    groupBy: input.groupBy,
    settings,
    evaluation,
    measures: Object.fromEntries(measures.map((m) => [m.name, { field: m.field, label: { 'zh-CN': m.label['zh-CN'], en: m.label.en } }])),
    total: toRow(figures.total),
    rows: figures.rows.map(toRow).sort(compareRows(input.groupBy)),
  };
}

