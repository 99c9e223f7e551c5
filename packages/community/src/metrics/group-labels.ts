import type { OfficeConfig } from '../config/config-schema.js';
import type { Channel } from '../model/request.js';
import type { StorageAdapter } from '../storage/types.js';
import type { MetricsDimension, MetricsLabel } from './metrics-types.js';

const channelLabels: Record<Channel, { 'zh-CN': string; en: string }> = {
  phone: { 'zh-CN': '电话', en: 'Phone' },
  visit: { 'zh-CN': '走访', en: 'Visit' },
  captain_report: { 'zh-CN': '园区长上报', en: 'Captain report' },
  walk_in: { 'zh-CN': '来访', en: 'Walk-in' },
  online: { 'zh-CN': '线上', en: 'Online' },
  hotline_12345: { 'zh-CN': '12345转办', en: '12345 hand-off' },
};

const NONE: MetricsLabel = { code: null, 'zh-CN': '（未指定）', en: '(none)' };
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const directoryModels: Partial<Record<MetricsDimension, string>> = { community: 'community', park: 'park', assignee: 'member', team: 'team' };

/** A month label: `2026年1月`, `Jan 2026`. */
export function monthLabel(month: string): MetricsLabel {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { code: month, 'zh-CN': `${y}年${m}月`, en: `${MONTHS_EN[m - 1] ?? m} ${y}` };
}

/**
 * Display names for the values of each dimension: directory names (with codes) from storage,
 * category and portfolio labels from the office config, built-in names for channels.
 */
export async function groupLabels(
  storage: StorageAdapter,
  officeId: string,
  config: OfficeConfig | null,
  values: Map<MetricsDimension, Set<string>>,
): Promise<Map<MetricsDimension, Map<string, MetricsLabel>>> {
  const result = new Map<MetricsDimension, Map<string, MetricsLabel>>();
  for (const [dim, set] of values) {
    const labels = new Map<string, MetricsLabel>();
    result.set(dim, labels);
    const ids = [...set];
    const model = directoryModels[dim];
    if (model) {
      const rows = ids.length === 0 ? [] : await storage.findMany({ model, where: [{ field: 'officeId', value: officeId }, { field: 'id', op: 'in', value: ids }] });
      for (const row of rows) {
        const name = String(row['name']);
        labels.set(String(row['id']), { code: String(row['code']), 'zh-CN': name, en: name });
      }
    } else if (dim === 'category' || dim === 'portfolio') {
      const list = dim === 'category' ? config?.categories ?? [] : config?.portfolios ?? [];
      for (const item of list) labels.set(item.id, { code: item.id, ...item.labels });
    } else if (dim === 'channel') {
      for (const [code, text] of Object.entries(channelLabels)) labels.set(code, { code, ...text });
    } else if (dim === 'month') {
      for (const month of ids) labels.set(month, monthLabel(month));
    }
    // A value no longer in the directory or config still gets a label: its own id or code.
    for (const id of ids) if (!labels.has(id)) labels.set(id, { code: id, 'zh-CN': id, en: id });
  }
  return result;
}

/** The label of a value, or the "none" label for null. */
export function labelOf(labels: Map<MetricsDimension, Map<string, MetricsLabel>>, dim: MetricsDimension, value: string | null): MetricsLabel {
  return value === null ? NONE : (labels.get(dim)?.get(value) ?? NONE);
}
