import { isKechuangError, type Row, type StorageOperations } from '@kechuang/community';
import { ENTRY_MODEL, HEAD_MODEL } from './audit-chain-schema.js';
import { genesisHash } from './audit-entry.js';

/** An office's head record: the newest entry's number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
  /** The entry number at which a missing head was rebuilt, or null. */
  rebuiltAtSeq: number | null;
}

export const headWhere = (officeId: string) => [
  { field: 'officeId', value: officeId },
  { field: 'id', value: officeId },
];

export function rowToHead(row: Row): ChainHead | null {
  const { seq, hash, rebuiltAtSeq } = row;
  if (typeof seq !== 'number' || typeof hash !== 'string') return null;
  return { seq, hash, rebuiltAtSeq: typeof rebuiltAtSeq === 'number' ? rebuiltAtSeq : null };
}

/**
 * The head a new head row starts from: the empty chain, or, when entries exist although the
 * head row does not (it was deleted), the newest entry left, marked as rebuilt so that
 * verification keeps reporting it.
 */
async function startingHead(ops: Pick<StorageOperations, 'findMany'>, officeId: string): Promise<Row> {
  const [newest] = await ops.findMany({ model: ENTRY_MODEL, where: [{ field: 'officeId', value: officeId }], orderBy: [{ field: 'seq', direction: 'desc' }], limit: 1 });
  if (newest && typeof newest['seq'] === 'number' && typeof newest['hash'] === 'string') {
    return { id: officeId, officeId, seq: newest['seq'], hash: newest['hash'], rebuiltAtSeq: newest['seq'] };
  }
  return { id: officeId, officeId, seq: 0, hash: await genesisHash(officeId), rebuiltAtSeq: null };
}

/**
 * Makes sure the office's head row exists, outside any command's transaction. Two first
 * commands of an office that both inserted it inside their transactions would collide on
 * PostgreSQL, and the loser's whole command would fail; here the loser of that race just
 * finds the row the winner made.
 */
export async function ensureHead(ops: StorageOperations, officeId: string): Promise<void> {
  if (await ops.findOne({ model: HEAD_MODEL, where: headWhere(officeId) })) return;
  try {
    await ops.create({ model: HEAD_MODEL, data: await startingHead(ops, officeId) });
  } catch (error) {
    if (!isKechuangError(error, 'UNIQUE_VIOLATION')) throw error;
  }
}

/**
 * Takes the office's head for this transaction and returns it as it stands now.
 *
 * The update changes nothing, but it is a write: on PostgreSQL it takes the row's lock, so
 * the appenders of one office queue here until the holder commits, and the row it returns is
 * the one the previous holder committed (READ COMMITTED re-reads a row it waited for). SQLite
 * and the memory adapter run one write transaction at a time anyway. Either way no two
 * commands ever read the same head, so none fails on a taken sequence number.
 */
export async function takeHead(tx: StorageOperations, officeId: string): Promise<ChainHead> {
  const touched = await tx.update({ model: HEAD_MODEL, where: headWhere(officeId), data: { officeId } });
  if (touched) {
    const head = rowToHead(touched);
    if (!head) throw new Error(`the audit chain head of office '${officeId}' holds no sequence number or hash`);
    return head;
  }
  // The head row went missing after this process saw it (someone deleted it).
  const created = rowToHead(await tx.create({ model: HEAD_MODEL, data: await startingHead(tx, officeId) }));
  if (!created) throw new Error(`the audit chain head of office '${officeId}' could not be rebuilt`);
  return created;
}
