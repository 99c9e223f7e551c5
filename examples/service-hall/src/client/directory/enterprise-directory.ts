/**
 * The enterprise directory as screens search it. The API lists enterprises with equality
 * filters only (no name search), so a name search walks the pages once (some 6,000 enterprises
 * in pages of 500, searched as they arrive) and keeps them for the rest of the sign-in; a
 * park's list is small and loads on its own; a full credit code is looked up directly. The
 * intake's picker and the enterprise search share what has been walked.
 */
import type { Enterprise } from '@kechuang/community';
import { api, ApiProblem, asProblem, query, type Page, type Wire } from '../api.js';

export type WireEnterprise = Wire<Enterprise>;

/** What a form keeps of the enterprise picked. */
export type EnterpriseLite = Pick<WireEnterprise, 'id' | 'name' | 'code' | 'communityId' | 'parkId' | 'buildingId' | 'industry'>;

/** Progress of walking a list: what has arrived so far, whether it is complete, what failed. */
export interface Walk {
  items: WireEnterprise[];
  done: boolean;
  problem: ApiProblem | null;
}

type Listener = (walk: Walk) => void;

const PAGE = 500;

class DirectoryWalk {
  walk: Walk = { items: [], done: false, problem: null };
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
    if (this.walk.problem) this.publish({ ...this.walk, problem: null });
    try {
      // Not aborted when a screen goes: the pages are kept, and the next search needs them.
      // Archived enterprises are walked too: their service record stays searchable.
      do {
        const page = await api<Page<WireEnterprise>>('GET', `/api/enterprises${query({ parkId: this.parkId, includeArchived: 'true', limit: PAGE, cursor: this.cursor })}`);
        this.cursor = page.nextCursor;
        this.publish({ items: [...this.walk.items, ...page.items], done: page.nextCursor === null, problem: null });
      } while (this.cursor);
    } catch (error) {
      this.publish({ ...this.walk, problem: asProblem(error) });
    } finally {
      this.running = false;
    }
  }
}

const walks = new Map<string, DirectoryWalk>();
let walksOwner = '';

/** The walk of the whole directory (`parkId` null) or of one park, for the signed-in member; another member starts afresh. */
function walkFor(owner: string, parkId: string | null): DirectoryWalk {
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

/**
 * Follows the enterprises of `parkId` (or of the whole office when null) as they arrive,
 * starting the walk if nobody has yet. `owner` names the sign-in (`officeId/memberId`).
 */
export function followDirectory(owner: string, parkId: string | null, listener: Listener): () => void {
  const whole = walkFor(owner, null);
  // When the whole directory is already here, a park's list is a filter of it.
  if (parkId === null || !whole.walk.done) return walkFor(owner, parkId).follow(listener);
  return whole.follow((walk) => listener({ ...walk, items: walk.items.filter((e) => e.parkId === parkId) }));
}

/** A unified social credit code: 18 characters of digits and capitals without I, O, S, V, Z. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The text as a credit code (trimmed, upper-cased) when it has a code's shape, else null. */
export function creditCodeOf(text: string): string | null {
  const code = text.trim().toUpperCase();
  return CREDIT_CODE.test(code) ? code : null;
}

/** One enterprise by its credit code, or null when the office has none with it. */
export async function enterpriseByCode(code: string, signal?: AbortSignal): Promise<WireEnterprise | null> {
  try {
    return await api<WireEnterprise>('GET', `/api/enterprises/by-code/${encodeURIComponent(code.trim().toUpperCase())}`, undefined, { signal });
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** Lower-cased, full-width letters and digits folded, spaces dropped: how names are compared. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const byName = new Intl.Collator('zh-CN');

/**
 * The enterprises whose name or credit code hold every word of `text`, best first: the exact
 * code, then names starting with the text, then names holding it, then code matches; each
 * group by name. With no text, every enterprise by name.
 */
export function matchEnterprises<T extends Pick<WireEnterprise, 'name' | 'code'>>(items: readonly T[], text: string): T[] {
  const words = text.trim().split(/\s+/).map(fold).filter(Boolean);
  if (words.length === 0) return [...items].sort((a, b) => byName.compare(a.name, b.name));
  const whole = words.join('');
  const first = words[0] ?? '';
  const ranked: { e: T; rank: number }[] = [];
  for (const e of items) {
    const name = fold(e.name);
    const code = fold(e.code);
    if (!words.every((w) => name.includes(w) || code.includes(w))) continue;
    // Most names start with the city (杭州…), so "starts with" is judged after it as well.
    const starts = name.startsWith(first) || name.replace(/^杭州/, '').startsWith(first);
    const rank = code === whole ? 0 : starts ? 1 : words.every((w) => name.includes(w)) ? 2 : 3;
    ranked.push({ e, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || byName.compare(a.e.name, b.e.name));
  return ranked.map((r) => r.e);
}
