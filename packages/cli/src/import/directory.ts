/**
 * What an import checks rows against: the office's directory, read once up front, by code.
 * Reading a few pages of 500 at the start is what keeps a 6,000-row import to one write per
 * row instead of a lookup and a write per row.
 */
import type { Building, CommunitySession, CommunityUnit, Enterprise, Member, Park, RecordBase, Team } from '@kechuang/community';

/** The part of a session an import uses. */
export type ImportSession = Pick<CommunitySession, 'communities' | 'parks' | 'buildings' | 'enterprises' | 'teams' | 'members' | 'config'>;

/** Records of one model by code and by id, archived ones included. */
export class CodeIndex<T extends RecordBase> {
  private readonly codes = new Map<string, T>();
  private readonly ids = new Map<string, T>();

  constructor(records: Iterable<T> = []) {
    for (const record of records) this.set(record);
  }

  get size(): number {
    return this.codes.size;
  }

  byCode(code: string): T | undefined {
    return this.codes.get(code);
  }

  byId(id: string): T | undefined {
    return this.ids.get(id);
  }

  /** Adds a record, or replaces it with a newer version. */
  set(record: T): void {
    this.codes.set(record.code, record);
    this.ids.set(record.id, record);
  }

  values(): IterableIterator<T> {
    return this.codes.values();
  }
}

/** A portfolio a commissioner may own, with the names a file may use for it. */
export interface PortfolioName {
  id: string;
  names: readonly string[];
}

/** The directory as an import sees it. Parts an import does not need stay empty. */
export interface Directory {
  communities: CodeIndex<CommunityUnit>;
  parks: CodeIndex<Park>;
  buildings: CodeIndex<Building>;
  enterprises: CodeIndex<Enterprise>;
  teams: CodeIndex<Team>;
  members: CodeIndex<Member>;
  /** The portfolios of the config in force; null when the office has no config yet. */
  portfolios: readonly PortfolioName[] | null;
}

/** The parts of the directory one import reads. */
export type DirectoryPart = 'communities' | 'parks' | 'buildings' | 'enterprises' | 'teams' | 'members' | 'portfolios';

interface Lister<T> {
  list(options: { includeArchived: boolean; limit: number; cursor?: string }): Promise<{ items: T[]; nextCursor: string | null }>;
}

async function listAll<T extends RecordBase>(api: Lister<T>): Promise<CodeIndex<T>> {
  const index = new CodeIndex<T>();
  let cursor: string | undefined;
  do {
    const page = await api.list({ includeArchived: true, limit: 500, ...(cursor ? { cursor } : {}) });
    for (const record of page.items) index.set(record);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return index;
}

async function loadPortfolios(session: ImportSession): Promise<readonly PortfolioName[] | null> {
  const stored = await session.config.get();
  if (!stored) return null;
  return stored.config.portfolios.map((p) => ({ id: p.id, names: [p.id, p.labels['zh-CN'], p.labels.en] }));
}

/**
 * Reads the given parts of the office's directory.
 *
 * @example
 * ```ts
 * const directory = await loadDirectory(session, ['communities', 'parks']);
 * directory.parks.byCode('P01')?.id;
 * ```
 */
export async function loadDirectory(session: ImportSession, parts: readonly DirectoryPart[]): Promise<Directory> {
  const wants = new Set(parts);
  const load = <T extends RecordBase>(part: DirectoryPart, api: Lister<T>): Promise<CodeIndex<T>> =>
    wants.has(part) ? listAll(api) : Promise.resolve(new CodeIndex<T>());
  // One after another: SQLite has one connection, and PostgreSQL does not need the hurry.
  const communities = await load('communities', session.communities);
  const parks = await load('parks', session.parks);
  const buildings = await load('buildings', session.buildings);
  const enterprises = await load('enterprises', session.enterprises);
  const teams = await load('teams', session.teams);
  const members = await load('members', session.members);
  const portfolios = wants.has('portfolios') ? await loadPortfolios(session) : null;
  return { communities, parks, buildings, enterprises, teams, members, portfolios };
}
