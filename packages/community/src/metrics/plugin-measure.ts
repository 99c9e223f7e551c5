import type { Where } from '../storage/types.js';

/**
 * A metrics measure a plugin adds: the number of requests whose `field` (a date field of the
 * request, e.g. `createdAt` or `closedAt`, or a date field the plugin added) falls in the
 * period and that match `where`. It is evaluated like the core's own counts: pushed down to
 * the database when the adapter can aggregate, in memory otherwise. Results appear in
 * `metrics.query(...).measures['<plugin-id>.<name>']`, total and per group.
 */
export interface PluginMeasure {
  /** Namespaced by the plugin's id, e.g. `duplicates.auto_merged`. */
  name: string;
  label: { 'zh-CN': string; en: string };
  field: string;
  where?: Where;
}
