import { HEAD_MODEL, REQUEST_ANCHOR } from './audit-chain-schema.js';
import type { AuditChainEntry } from './audit-entry.js';
import { headWhere, rowToHead } from './chain-head.js';
import type { AuditChainReader, ChainLookup } from './chain-lookup.js';
import type { Found } from './chain-problem.js';
import type { ProblemWords } from './problem-words.js';

/** A request's newest entry in the chain. */
export interface RequestTip {
  seq: number;
  hash: string;
}

const PAGE = 500;
const BATCH = 200;

/** The office's head record against the chain's last entry. */
async function checkHead(storage: AuditChainReader, lookup: ChainLookup, officeId: string, last: AuditChainEntry | null, words: ProblemWords): Promise<Found[]> {
  const lastSeq = last?.seq ?? 0;
  const row = await storage.findOne({ model: HEAD_MODEL, where: headWhere(officeId) });
  const head = row && rowToHead(row);
  if (!head) return last ? [{ kind: 'anchor', seq: lastSeq, entryId: null, message: words.headMissing(lastSeq, lastSeq) }] : [];
  const found: Found[] = [];
  if (head.rebuiltAtSeq !== null) found.push({ kind: 'anchor', seq: head.rebuiltAtSeq, entryId: null, message: words.headRebuilt(head.rebuiltAtSeq) });
  if (head.seq > lastSeq) found.push({ kind: 'truncated', seq: lastSeq + 1, entryId: null, message: words.truncatedHead(head.seq, lastSeq) });
  else if (head.seq < lastSeq) {
    const seq = head.seq + 1;
    found.push({ kind: 'inserted', seq, entryId: (await lookup.atSeq(seq))?.id ?? null, message: words.pastHead(seq, head.seq) });
  } else if (head.hash !== (last?.hash ?? lookup.genesis)) found.push({ kind: 'altered', seq: lastSeq, entryId: last?.id ?? null, message: words.newestReplaced(lastSeq) });
  return found;
}

/** Every request's `auditChainHead` against the request's newest entry in the chain. */
async function checkRequests(storage: AuditChainReader, lookup: ChainLookup, officeId: string, lastSeq: number, tips: ReadonlyMap<string, RequestTip>, words: ProblemWords): Promise<Found[]> {
  const found: Found[] = [];
  const anchored = new Set<string>();
  let after: [string] | undefined;
  for (;;) {
    const rows = await storage.findMany({
      model: 'request',
      where: [
        { field: 'officeId', value: officeId },
        { field: REQUEST_ANCHOR, op: 'is_not_null' },
      ],
      orderBy: [{ field: 'id' }],
      ...(after ? { after } : {}),
      limit: PAGE,
    });
    for (const row of rows) {
      const requestId = row['id'] as string;
      const anchor = row[REQUEST_ANCHOR] as string;
      anchored.add(requestId);
      const tip = tips.get(requestId);
      if (tip?.hash === anchor) continue;
      const entry = await lookup.byHash(anchor);
      if (!entry) found.push({ kind: 'truncated', seq: lastSeq + 1, entryId: null, requestId, message: words.truncatedRequest(requestId, lastSeq) });
      else found.push({ kind: 'anchor', seq: tip?.seq ?? entry.seq, entryId: entry.id, requestId, message: words.anchorStale(requestId, entry.seq, tip?.seq ?? entry.seq) });
    }
    const tail = rows.at(-1);
    if (rows.length < PAGE || !tail) break;
    after = [tail['id'] as string];
  }
  const unanchored = [...tips.keys()].filter((id) => !anchored.has(id));
  for (let i = 0; i < unanchored.length; i += BATCH) {
    const ids = unanchored.slice(i, i + BATCH);
    const rows = await storage.findMany({ model: 'request', where: [{ field: 'officeId', value: officeId }, { field: 'id', op: 'in', value: ids }] });
    const present = new Set(rows.map((row) => row['id'] as string));
    for (const requestId of ids) {
      const seq = (tips.get(requestId) as RequestTip).seq;
      const message = present.has(requestId) ? words.anchorCleared(requestId, seq) : words.requestGone(requestId, seq);
      found.push({ kind: 'anchor', seq, entryId: null, requestId, message });
    }
  }
  return found;
}

/**
 * Checks what the chain is anchored on once its entries link up: the office's head record
 * and every request's `auditChainHead`. Returns the problem with the lowest entry number.
 */
export async function checkAnchors(
  storage: AuditChainReader,
  lookup: ChainLookup,
  officeId: string,
  last: AuditChainEntry | null,
  tips: ReadonlyMap<string, RequestTip>,
  words: ProblemWords,
): Promise<Found | null> {
  const found = [...(await checkHead(storage, lookup, officeId, last, words)), ...(await checkRequests(storage, lookup, officeId, last?.seq ?? 0, tips, words))];
  return found.reduce<Found | null>((first, next) => (first === null || next.seq < first.seq ? next : first), null);
}
