import { KechuangError, type Row } from '@kechuang/community';
import { ENTRY_MODEL } from './audit-chain-schema.js';
import { entryHash, genesisHash, rowToEntry, type AuditChainEntry } from './audit-entry.js';
import { ChainLookup, type AuditChainReader } from './chain-lookup.js';
import { problem, type AuditChainVerification, type Found } from './chain-problem.js';
import { problemWords, type AuditChainLocale, type ProblemWords } from './problem-words.js';
import { checkAnchors, type RequestTip } from './verify-anchors.js';

/** What to verify. */
export interface VerifyAuditChainInput {
  /** The office whose chain to verify. */
  officeId: string;
  /** The language of the problem's message. @default 'en' */
  locale?: AuditChainLocale;
}

const PAGE = 500;

/** Where the walk stands: the entry number and the hash the next entry must carry. */
interface Walk {
  expectedSeq: number;
  prevHash: string;
  last: AuditChainEntry | null;
}

/**
 * Walks an office's audit chain from its first entry and reports the **first** place where it
 * was tampered with: an entry altered, deleted, inserted or moved, or the newest entries cut
 * off (the office's head record or a request's `auditChainHead` points past the end). Pass the
 * storage adapter the community uses.
 *
 * A chain rewritten in full, with every hash and both anchors worked out again, cannot be
 * told from a genuine one; publish the `head` hash it returns somewhere the database's
 * writers cannot reach (a daily report, a notary) to rule that out.
 *
 * @example
 * ```ts
 * const result = await verifyAuditChain(storage, { officeId: office.id, locale: 'zh-CN' });
 * if (!result.ok) console.error(result.problem.message); // 第3条记录写入后被改动过：内容与其哈希值不符。
 * ```
 */
export async function verifyAuditChain(storage: AuditChainReader, input: VerifyAuditChainInput): Promise<AuditChainVerification> {
  const { officeId, locale = 'en' } = input;
  if (typeof officeId !== 'string' || officeId === '') {
    throw new KechuangError('VALIDATION_FAILED', 'verifyAuditChain needs the id of the office whose chain to check, e.g. { officeId: office.id }.', {
      issues: [{ path: ['officeId'], message: 'Give the office id', code: 'invalid_type' }],
    });
  }
  if (locale !== 'en' && locale !== 'zh-CN') {
    throw new KechuangError('VALIDATION_FAILED', `verifyAuditChain explains itself in 'en' or 'zh-CN', not '${String(locale)}'.`, {
      issues: [{ path: ['locale'], message: "Use 'en' or 'zh-CN'", code: 'invalid_value' }],
    });
  }
  const words = problemWords(locale);
  const lookup = new ChainLookup(storage, officeId, await genesisHash(officeId));
  const walk: Walk = { expectedSeq: 1, prevHash: lookup.genesis, last: null };
  const tips = new Map<string, RequestTip>();
  let after: [number, string] | undefined;
  for (;;) {
    const rows = await storage.findMany({
      model: ENTRY_MODEL,
      where: [{ field: 'officeId', value: officeId }],
      orderBy: [{ field: 'seq' }, { field: 'id' }],
      ...(after ? { after } : {}),
      limit: PAGE,
    });
    for (const row of rows) {
      const entry = rowToEntry(row);
      const found = entry ? await checkEntry(lookup, walk, entry, words) : unreadable(row, walk, words);
      if (found) return problem(found);
      if (!entry) continue;
      // Requests are anchored on their newest entry; records only on the office's head.
      if (entry.requestId !== null) tips.set(entry.requestId, { seq: entry.seq, hash: entry.hash });
      walk.expectedSeq = entry.seq + 1;
      walk.prevHash = entry.hash;
      walk.last = entry;
    }
    const tail = rows.at(-1);
    if (rows.length < PAGE || !tail) break;
    after = [tail['seq'] as number, tail['id'] as string];
  }
  const broken = await checkAnchors(storage, lookup, officeId, walk.last, tips, words);
  if (broken) return problem(broken);
  return { ok: true, entries: walk.last?.seq ?? 0, head: walk.last?.hash ?? null };
}

/** A row whose columns no entry is written with: reported where it sits. */
function unreadable(row: Row, walk: Walk, words: ProblemWords): Found {
  const seq = typeof row['seq'] === 'number' ? row['seq'] : walk.expectedSeq;
  return { kind: 'altered', seq, entryId: typeof row['id'] === 'string' ? row['id'] : null, message: words.unreadable(seq) };
}

/** The problem at `entry`, the next one in number order, or null when it continues the chain. */
async function checkEntry(lookup: ChainLookup, walk: Walk, entry: AuditChainEntry, words: ProblemWords): Promise<Found | null> {
  const { expectedSeq } = walk;
  if (entry.seq < expectedSeq) {
    // Two entries with one number: the unique constraint was dropped to add one.
    return { kind: 'inserted', seq: entry.seq, entryId: entry.id, message: words.inserted(entry.seq, 1, entry.seq) };
  }
  if (entry.seq > expectedSeq) return missingAt(lookup, walk, entry, words);
  const intact = (await entryHash(entry)) === entry.hash;
  if (intact && entry.prevHash === walk.prevHash) return null;
  if (intact) return brokenLink(walk, entry, words);
  return changed(lookup, walk, entry, words);
}

/** No entry has the number the walk expects next. */
async function missingAt(lookup: ChainLookup, walk: Walk, next: AuditChainEntry, words: ProblemWords): Promise<Found> {
  const seq = walk.expectedSeq;
  const belongs = await lookup.byPrevHash(walk.prevHash);
  if (belongs && belongs.seq !== seq && (await entryHash(belongs, seq)) === belongs.hash) {
    return { kind: 'reordered', seq, entryId: belongs.id, message: words.movedAway(seq, belongs.seq) };
  }
  return { kind: 'deleted', seq, entryId: null, message: words.missing(seq, next.seq) };
}

/**
 * `entry` is as it was written, but it does not link to the entry before it. Being intact, it
 * was written with this very number, so what stands before it is not what was there: that
 * entry was changed and its hash worked out again. The first entry has no entry before it; one
 * that does not link to the office's start was never part of this chain.
 */
function brokenLink(walk: Walk, entry: AuditChainEntry, words: ProblemWords): Found {
  if (!walk.last) return { kind: 'inserted', seq: entry.seq, entryId: entry.id, message: words.foreign(entry.seq) };
  return { kind: 'altered', seq: walk.last.seq, entryId: walk.last.id, message: words.rehashed(walk.last.seq, entry.seq) };
}

/** `entry`'s hash does not fit its contents: altered, moved, or not from this chain at all. */
async function changed(lookup: ChainLookup, walk: Walk, entry: AuditChainEntry, words: ProblemWords): Promise<Found> {
  const writtenAs = await lookup.writtenAs(entry);
  if (writtenAs === null) {
    const strange = entry.prevHash !== walk.prevHash && entry.prevHash !== lookup.genesis && !(await lookup.byHash(entry.prevHash));
    if (strange) return { kind: 'inserted', seq: entry.seq, entryId: entry.id, message: words.foreign(entry.seq) };
    return { kind: 'altered', seq: entry.seq, entryId: entry.id, message: words.altered(entry.seq) };
  }
  if (writtenAs < entry.seq) {
    const first = await lookup.atSeq(writtenAs);
    return { kind: 'inserted', seq: writtenAs, entryId: first?.id ?? null, message: words.inserted(writtenAs, entry.seq - writtenAs, entry.seq) };
  }
  const belongs = await lookup.byPrevHash(walk.prevHash);
  if (belongs && belongs.id !== entry.id) return { kind: 'reordered', seq: entry.seq, entryId: entry.id, message: words.reordered(entry.seq, writtenAs) };
  return { kind: 'deleted', seq: entry.seq, entryId: null, message: words.deletedRenumbered(entry.seq, writtenAs) };
}
