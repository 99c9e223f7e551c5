import { uuidv7, type TransactionHookContext } from '@kechuang/community';
import { ENTRY_MODEL, HEAD_MODEL, REQUEST_ANCHOR } from './audit-chain-schema.js';
import { digestOf, entryHash, entryToRow, type AuditChainEntry } from './audit-entry.js';
import { headWhere, takeHead } from './chain-head.js';

/** Whether an entry keeps a digest of the command's input. */
export type RecordInput = 'digest' | 'none';

/**
 * Appends the entry of one command inside the command's transaction: takes the office's
 * head, writes the entry after it, moves the head and anchors the request on the new hash.
 * All of it commits or rolls back with the command.
 */
export async function appendEntry(change: TransactionHookContext, recordInput: RecordInput): Promise<AuditChainEntry> {
  const { tx, officeId, request, actor } = change;
  // Worked out before taking the head, which other commands of the office wait for.
  const inputDigest = recordInput === 'digest' ? await digestOf(change.input) : null;
  const id = uuidv7();
  const head = await takeHead(tx, officeId);
  const draft: Omit<AuditChainEntry, 'hash'> = {
    id,
    officeId,
    seq: head.seq + 1,
    requestId: request.id,
    command: change.command,
    actorKind: actor.kind,
    actorId: actor.member?.id ?? null,
    at: request.updatedAt,
    inputDigest,
    status: request.status,
    version: request.version,
    assigneeId: request.assigneeId,
    prevHash: head.hash,
  };
  const entry: AuditChainEntry = { ...draft, hash: await entryHash(draft) };
  await tx.create({ model: ENTRY_MODEL, data: entryToRow(entry) });
  const moved = await tx.update({ model: HEAD_MODEL, where: [...headWhere(officeId), { field: 'seq', value: head.seq }], data: { seq: entry.seq, hash: entry.hash } });
  // Cannot happen while the head is held; if it does, writing on would fork the chain.
  if (!moved) throw new Error(`the audit chain head of office '${officeId}' moved while this command held it`);
  const anchored = await tx.update({
    model: 'request',
    where: [
      { field: 'officeId', value: officeId },
      { field: 'id', value: request.id },
      { field: 'version', value: request.version },
    ],
    data: { [REQUEST_ANCHOR]: entry.hash },
  });
  if (!anchored) throw new Error(`request '${request.id}' was not at version ${request.version} when its audit entry was anchored`);
  return entry;
}
