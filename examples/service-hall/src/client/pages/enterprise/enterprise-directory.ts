/**
 * The enterprise directory as the search screen reads it. The API lists enterprises by code
 * with equality filters only (no name search), so a name search walks the pages once and keeps
 * them for the rest of the sign-in; a park's list is small and loads on its own; a full credit
 * code is looked up directly.
 */
import type { Enterprise } from '@kechuang/community';
import { api, ApiProblem, query, type Page, type Wire } from '../../api.js';

export type WireEnterprise = Wire<Enterprise>;

/** A unified social credit code: 18 characters of digits and capitals without I, O, S, V, Z. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function isCreditCode(text: string): boolean {
  return CREDIT_CODE.test(text.trim().toUpperCase());
}

/** Progress of walking a list: what has arrived so far, whether it is complete, what failed. */
export interface Walk {
  items: WireEnterprise[];
  done: boolean;
  error: unknown;
}

type Listener = (walk: Walk) => void;

class DirectoryWalk {
  private walk: Walk = { items: [], done: false, error: null };
  private cursor: string | null = null;
  private running = false;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly parkId: string | null) {}

  /** Follows the walk; starts it, or resumes it after a failure, if it is not running. */
  follow(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.walk);
    if (!this.walk.done && !this.running) void this.run();
    return () => this.listeners.delete(listener);
  }

  private publish(walk: Walk): void {
    this.walk = walk;
    for (const listener of this.listeners) listener(walk);
  }

  private async run(): Promise<void> {
    this.running = true;
    if (this.walk.error) this.publish({ ...this.walk, error: null });
    try {
      // Not aborted when the screen goes: the pages are kept, and the next search needs them.
      do {
        const page = await api<Page<WireEnterprise>>('GET', `/api/enterprises${query({ parkId: this.parkId, includeArchived: 'true', limit: 500, cursor: this.cursor })}`);
        this.cursor = page.nextCursor;
        this.publish({ items: [...this.walk.items, ...page.items], done: page.nextCursor === null, error: null });
      } while (this.cursor);
    } catch (error) {
      this.publish({ ...this.walk, error });
    } finally {
      this.running = false;
    }
  }
}

const walks = new Map<string, DirectoryWalk>();
let walksOwner = '';

/**
 * The walk of the whole directory (`parkId` null) or of one park, shared by every search of
 * the signed-in member; another member starts afresh.
 */
export function directoryWalk(owner: string, parkId: string | null): DirectoryWalk {
  if (owner !== walksOwner) {
    walks.clear();
    walksOwner = owner;
  }
  const key = parkId ?? '*';
  let walk = walks.get(key);
  if (!walk) {
    walk = new DirectoryWalk(parkId);
    walks.set(key, walk);
  }
  return walk;
}

/** One enterprise by its credit code, or null when the office has none with it. */
export async function enterpriseByCode(code: string, signal: AbortSignal): Promise<WireEnterprise | null> {
  try {
    return await api<WireEnterprise>('GET', `/api/enterprises/by-code/${encodeURIComponent(code.trim().toUpperCase())}`, undefined, { signal });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** Lower-cased, full-width letters and digits folded, spaces dropped: how names are compared. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * The enterprises whose name or credit code hold every word of `text`, those whose name starts
 * with it first, then by name.
 */
export function matchEnterprises(items: readonly WireEnterprise[], text: string): WireEnterprise[] {
  const words = text.trim().split(/\s+/).map(fold).filter(Boolean);
  if (words.length === 0) return [...items];
  const hits = items.filter((e) => {
    const hay = `${fold(e.name)} ${fold(e.code)}`;
    return words.every((w) => hay.includes(w));
  });
  const first = words[0] ?? '';
  // Most names start with the city (杭州…), so "starts with" is judged after it as well.
  const rank = (e: WireEnterprise): number => {
    const name = fold(e.name);
    if (name.startsWith(first) || name.replace(/^杭州/, '').startsWith(first)) return 0;
    return fold(e.code).startsWith(first) ? 1 : 2;
  };
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

let lastSearch = '/enterprises';

/** The search last shown (`/enterprises?q=…`), so that an enterprise's page leads back to it. */
export function rememberSearch(path: string): void {
  lastSearch = path;
}

export function lastSearchPath(): string {
  return lastSearch;
}
