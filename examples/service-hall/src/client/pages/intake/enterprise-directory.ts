/**
 * The enterprise directory the picker searches. The API lists enterprises by park or page by
 * page but has no name search, so the picker loads the list it needs once per page load: a
 * park's enterprises (a hundred or two) when a park is known, else the whole office's (some
 * 6,000, in pages of 500, searched as the pages arrive). Only the fields the forms use are kept.
 */
import type { Enterprise } from '@kechuang/community';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiProblem, query, type Page, type Wire } from '../../api.js';

export type EnterpriseLite = Pick<Wire<Enterprise>, 'id' | 'name' | 'code' | 'communityId' | 'parkId' | 'buildingId' | 'industry'>;

const PAGE = 500;

export function liteOf(e: Wire<Enterprise>): EnterpriseLite {
  return { id: e.id, name: e.name, code: e.code, communityId: e.communityId, parkId: e.parkId, buildingId: e.buildingId, industry: e.industry };
}

interface DirectoryState {
  items: EnterpriseLite[];
  done: boolean;
  problem: ApiProblem | null;
}

class DirectoryLoad {
  state: DirectoryState = { items: [], done: false, problem: null };
  private readonly listeners = new Set<() => void>();
  private running = false;

  constructor(private readonly parkId: string | null) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or, after a failure, resumes) loading; a load in progress or finished is left alone. */
  start(): void {
    if (this.running || this.state.done) return;
    this.running = true;
    this.set({ problem: null });
    void this.run();
  }

  private async run(): Promise<void> {
    let cursor: string | null = null;
    const items: EnterpriseLite[] = [];
    try {
      do {
        const page: Page<Wire<Enterprise>> = await api<Page<Wire<Enterprise>>>('GET', `/api/enterprises${query({ parkId: this.parkId, limit: PAGE, cursor })}`);
        items.push(...page.items.map(liteOf));
        cursor = page.nextCursor;
        this.set({ items: [...items], done: cursor === null });
      } while (cursor);
    } catch (error) {
      this.set({ problem: error instanceof ApiProblem ? error : new ApiProblem(0, 'NETWORK', String(error)) });
    } finally {
      this.running = false;
    }
  }

  private set(change: Partial<DirectoryState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

const loads = new Map<string, DirectoryLoad>();

function loadFor(parkId: string | null): DirectoryLoad {
  const key = parkId ?? '*';
  let load = loads.get(key);
  if (!load) loads.set(key, (load = new DirectoryLoad(parkId)));
  return load;
}

/** What the picker can search now. */
export interface DirectoryView extends DirectoryState {
  retry(): void;
}

/**
 * The enterprises of `parkId` (or of the whole office when null), loading once `active` (the
 * picker was used), so a screen that never searches loads nothing.
 */
export function useEnterpriseDirectory(parkId: string | null, active: boolean): DirectoryView {
  const whole = loadFor(null);
  // When the whole directory is already here, a park's list is a filter of it.
  const source = parkId !== null && whole.state.done ? whole : loadFor(parkId);
  const [, setRound] = useState(0);
  useEffect(() => source.subscribe(() => setRound((n) => n + 1)), [source]);
  useEffect(() => {
    if (active) source.start();
  }, [source, active]);
  const state = source.state;
  const items = source === whole && parkId !== null ? state.items.filter((e) => e.parkId === parkId) : state.items;
  return { ...state, items, retry: () => source.start() };
}

/** Lower-case without spaces, so that "策光 云" finds 策光云计算. */
function normal(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Whether `code` is a well-formed unified social credit code (GB 32100-2015, check character
 * included), so that only a code that can exist is looked up. The SDK's own check lives in
 * the core bundle, which the console does not load.
 */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_ALPHABET.indexOf(code.charAt(i)) * (CODE_WEIGHTS[i] ?? 0);
  return code.charAt(17) === CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export interface SearchResult {
  matches: EnterpriseLite[];
  /** How many matched in all, of which `matches` are the best. */
  total: number;
}

/** The best `limit` enterprises for `text`: name starts with it, then contains it, then the code does. */
export function searchEnterprises(items: readonly EnterpriseLite[], text: string, limit: number, collator: Intl.Collator): SearchResult {
  const wanted = normal(text);
  const ranked: { e: EnterpriseLite; rank: number }[] = [];
  for (const e of items) {
    if (!wanted) {
      ranked.push({ e, rank: 0 });
      continue;
    }
    const name = normal(e.name);
    const code = e.code.toLowerCase();
    const rank = code === wanted ? 0 : name.startsWith(wanted) ? 1 : name.includes(wanted) ? 2 : code.includes(wanted) ? 3 : -1;
    if (rank >= 0) ranked.push({ e, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.e.name, b.e.name));
  return { matches: ranked.slice(0, limit).map((r) => r.e), total: ranked.length };
}
