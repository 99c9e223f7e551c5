/** Asking the REST list for a view's rows and for its counts per deadline light. */
import { api, query, type Page } from '../../api.js';
import { lightOf } from '../../format.js';
import type { ListParams, QueueView, Row } from './queue-views.js';

/** The lights a view counts and filters by (replied and concluded requests have none). */
export const COUNTED = ['overdue', 'due_soon', 'on_time', 'paused'] as const;
export type CountedLight = (typeof COUNTED)[number];

export interface LightCount {
  count: number;
  /** The count stopped at the server's page limit: there are at least this many. */
  capped: boolean;
}
export type LightCounts = Record<CountedLight, LightCount>;

export const PAGE_SIZE = 50;
const MAX_LIMIT = 500;
/** A scan stops after this many full pages, so that an office with a huge backlog still answers. */
const SCAN_PAGES = 10;

function listPath(params: ListParams, extra: { order: string; limit: number; sla?: string; cursor?: string | null }): string {
  return `/api/requests${query({
    status: params.status?.join(','),
    category: params.category?.join(','),
    assigneeId: params.assigneeId,
    parkId: params.parkId,
    enterpriseId: params.enterpriseId,
    supervised: params.supervised,
    order: extra.order,
    limit: extra.limit,
    sla: extra.sla,
    cursor: extra.cursor,
  })}`;
}

export interface Fetched {
  rows: Row[];
  nextCursor: string | null;
  counts: LightCounts | null;
  /** A scan that gave up before the end of the list. */
  capped: boolean;
}

function countsOf(rows: readonly Row[]): LightCounts {
  const counts = Object.fromEntries(COUNTED.map((l) => [l, { count: 0, capped: false }])) as LightCounts;
  for (const row of rows) {
    const light = lightOf(row);
    if (light !== 'none') counts[light].count += 1;
  }
  return counts;
}

/**
 * A view's light counts: from one page of its rows when the view fits in a page, else one
 * server-filtered count per light (a page can only say "at least 500").
 */
async function serverCounts(view: QueueView, signal: AbortSignal): Promise<LightCounts> {
  const all = await api<Page<Row>>('GET', listPath(view.source.params, { order: view.order, limit: MAX_LIMIT }), undefined, { signal });
  if (all.nextCursor === null) return countsOf(all.items);
  const entries = await Promise.all(
    COUNTED.map(async (light) => {
      const page = await api<Page<Row>>('GET', listPath(view.source.params, { order: view.order, limit: MAX_LIMIT, sla: light }), undefined, { signal });
      return [light, { count: page.items.length, capped: page.nextCursor !== null }] as const;
    }),
  );
  return Object.fromEntries(entries) as LightCounts;
}

/** Every open request the member sees that the view keeps, page after page. */
async function scan(view: QueueView & { source: { kind: 'scan' } }, signal: AbortSignal): Promise<{ rows: Row[]; capped: boolean }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < SCAN_PAGES; pages++) {
    const page: Page<Row> = await api<Page<Row>>('GET', listPath(view.source.params, { order: view.order, limit: MAX_LIMIT, cursor }), undefined, { signal });
    rows.push(...page.items.filter(view.source.keep));
    cursor = page.nextCursor;
    if (!cursor) return { rows, capped: false };
  }
  return { rows, capped: true };
}

/**
 * The first rows of a view (at least `atLeast`, so that a live reload keeps what "load more"
 * had shown) and its light counts.
 */
export async function fetchView(view: QueueView, light: CountedLight | null, atLeast: number, signal: AbortSignal): Promise<Fetched> {
  if (view.source.kind === 'scan') {
    const found = await scan(view as QueueView & { source: { kind: 'scan' } }, signal);
    const rows = light ? found.rows.filter((r) => lightOf(r) === light) : found.rows;
    return { rows, nextCursor: null, counts: view.lights ? countsOf(found.rows) : null, capped: found.capped };
  }
  const limit = Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, atLeast));
  const [page, counts] = await Promise.all([
    api<Page<Row>>('GET', listPath(view.source.params, { order: view.order, limit, ...(light ? { sla: light } : {}) }), undefined, { signal }),
    view.lights ? serverCounts(view, signal) : Promise.resolve(null),
  ]);
  return { rows: page.items, nextCursor: page.nextCursor, counts, capped: false };
}

/** The next page of a server-filtered view. */
export async function fetchMore(view: QueueView, light: CountedLight | null, cursor: string): Promise<Page<Row>> {
  return api<Page<Row>>('GET', listPath(view.source.params, { order: view.order, limit: PAGE_SIZE, cursor, ...(light ? { sla: light } : {}) }));
}

/** How many requests a view holds and how many of them are red, for its tab. */
export interface Tally {
  count: number;
  overdue: number;
  capped: boolean;
}

/** Scans of the same question, shared by the tabs that ask it in one round (assists and extensions both read the open requests). */
export type ScanShare = Map<string, Promise<{ rows: Row[]; capped: boolean }>>;

export async function fetchTally(view: QueueView, signal: AbortSignal, share: ScanShare): Promise<Tally> {
  let found: { rows: Row[]; capped: boolean };
  if (view.source.kind === 'scan') {
    const key = JSON.stringify([view.source.params, view.order]);
    let all = share.get(key);
    if (!all) {
      all = scan({ ...view, source: { ...view.source, keep: () => true } }, signal);
      share.set(key, all);
    }
    const { rows, capped } = await all;
    found = { rows: rows.filter(view.source.keep), capped };
  } else {
    const page = await api<Page<Row>>('GET', listPath(view.source.params, { order: view.order, limit: MAX_LIMIT }), undefined, { signal });
    found = { rows: page.items, capped: page.nextCursor !== null };
  }
  return { count: found.rows.length, overdue: found.rows.filter((r) => lightOf(r) === 'overdue').length, capped: found.capped };
}
