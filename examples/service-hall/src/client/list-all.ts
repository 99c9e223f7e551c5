/**
 * Every item of one of the API's lists (`/api/members`, `/api/parks`, …), following
 * `nextCursor` a page of 500 at a time: the directories a screen names things from are small
 * enough to hold whole.
 */
import { api, query, type Page } from './api.js';

const PAGE = 500;

export async function listAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>('GET', `${path}${query({ limit: PAGE, cursor })}`, undefined, { signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
