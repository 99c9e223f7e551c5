import type { StorageOperations } from '@kechuang/community';
import { ENTRY_MODEL } from './audit-chain-schema.js';
import { entryHash, rowToEntry, type AuditChainEntry } from './audit-entry.js';

/** What verification reads through: any storage adapter (or a transaction handle) will do. */
export type AuditChainReader = Pick<StorageOperations, 'findOne' | 'findMany'>;

/** How far a renumbered entry is looked for from where it sits, when no link says where it came from. */
const RENUMBER_WINDOW = 16;
/** How many links are followed to find where a moved entry's neighbours were written. */
const LINK_DEPTH = 4;

/**
 * Targeted reads of one office's entries, used once a break is found to tell what happened
 * there (moved, inserted, deleted) without holding the whole chain in memory.
 */
export class ChainLookup {
  constructor(
    private readonly storage: AuditChainReader,
    private readonly officeId: string,
    readonly genesis: string,
  ) {}

  private async one(field: string, value: string | number): Promise<AuditChainEntry | null> {
    const row = await this.storage.findOne({ model: ENTRY_MODEL, where: [{ field: 'officeId', value: this.officeId }, { field, value }] });
    return row ? rowToEntry(row) : null;
  }

  /** The entry stored with this hash. */
  byHash(hash: string): Promise<AuditChainEntry | null> {
    return this.one('hash', hash);
  }

  /** The entry that links to `hash`, i.e. the one written right after it. */
  byPrevHash(hash: string): Promise<AuditChainEntry | null> {
    return this.one('prevHash', hash);
  }

  /** The entry now at `seq`. */
  atSeq(seq: number): Promise<AuditChainEntry | null> {
    return this.one('seq', seq);
  }

  /**
   * The number `entry` was written with, when its contents are otherwise intact: its own
   * number, or the one its neighbours' links point to, or one close by (entries renumbered
   * after a deletion). Null when no number makes its hash come out right: it was altered.
   */
  async writtenAs(entry: AuditChainEntry, depth = LINK_DEPTH, seen = new Set<string>()): Promise<number | null> {
    if ((await entryHash(entry)) === entry.hash) return entry.seq;
    seen.add(entry.id);
    const candidates = new Set<number>();
    if (entry.prevHash === this.genesis) candidates.add(1);
    else if (depth > 0) {
      const before = await this.byHash(entry.prevHash);
      const at = before && !seen.has(before.id) ? await this.writtenAs(before, depth - 1, seen) : null;
      if (at !== null) candidates.add(at + 1);
    }
    if (depth > 0) {
      const after = await this.byPrevHash(entry.hash);
      const at = after && !seen.has(after.id) ? await this.writtenAs(after, depth - 1, seen) : null;
      if (at !== null && at > 1) candidates.add(at - 1);
    }
    for (let d = 1; d <= RENUMBER_WINDOW; d++) {
      candidates.add(entry.seq + d);
      if (entry.seq - d >= 1) candidates.add(entry.seq - d);
    }
    candidates.delete(entry.seq);
    for (const seq of candidates) {
      if ((await entryHash(entry, seq)) === entry.hash) return seq;
    }
    return null;
  }
}
