import { uuidv7, type RecordTransactionContext, type StorageOperations, type TransactionHookContext } from '@kechuang/community';
import { ENTRY_MODEL, HEAD_MODEL, REQUEST_ANCHOR } from './audit-chain-schema.js';
import { digestOf, entryHash, entryToRow, type AuditChainEntry } from './audit-entry.js';
import { headWhere, takeHead } from './chain-head.js';

/** Whether an entry keeps a digest of the command's input. */
export type RecordInput = 'digest' | 'none';

/** What an entry says about its command, before it is numbered and linked. */
type EntryFacts = Omit<AuditChainEntry, 'id' | 'officeId' | 'seq' | 'prevHash' | 'hash' | 'inputDigest'>;

const actorOf = (actor: TransactionHookContext['actor']): Pick<EntryFacts, 'actorKind' | 'actorId'> => ({ actorKind: actor.kind, actorId: actor.member?.id ?? null });

/** The facts of a request command: the request after it. */
function requestFacts(change: TransactionHookContext): EntryFacts {
  const { request } = change;
  return {
    requestId: request.id,
    model: 'request',
    recordId: request.id,
    command: change.command,
    ...actorOf(change.actor),
    at: request.updatedAt,
    status: request.status,
    version: request.version,
    assigneeId: request.assigneeId,
  };
}

/** The facts of a record command: which record, its version and when. */
function recordFacts(change: RecordTransactionContext): EntryFacts {
  const { record } = change;
  // A config version is the office's config: it has no id of its own, and its version says which.
  const recordId = 'id' in record ? record.id : change.officeId;
  const at = 'updatedAt' in record ? record.updatedAt : record.createdAt;
  const version = 'version' in record ? record.version : null;
  return { requestId: null, model: change.model, recordId, command: change.command, ...actorOf(change.actor), at, status: null, version, assigneeId: null };
}

/**
 * Appends one entry inside the command's transaction: takes the office's head, writes the
 * entry after it, moves the head and, for a request command, anchors the request on the new
 * hash. All of it commits or rolls back with the command.
 */
async function append(tx: StorageOperations, officeId: string, facts: EntryFacts, input: unknown, recordInput: RecordInput): Promise<AuditChainEntry> {
  // Worked out before taking the head, which other commands of the office wait for.
  const inputDigest = recordInput === 'digest' ? await digestOf(input) : null;
  const head = await takeHead(tx, officeId);
  const draft: Omit<AuditChainEntry, 'hash'> = { id: uuidv7(), officeId, seq: head.seq + 1, ...facts, inputDigest, prevHash: head.hash };
  const entry: AuditChainEntry = { ...draft, hash: await entryHash(draft) };
  await tx.create({ model: ENTRY_MODEL, data: entryToRow(entry) });
  const moved = await tx.update({ model: HEAD_MODEL, where: [...headWhere(officeId), { field: 'seq', value: head.seq }], data: { seq: entry.seq, hash: entry.hash } });
  // Cannot happen while the head is held; if it does, writing on would fork the chain.
  if (!moved) throw new Error(`the audit chain head of office '${officeId}' moved while this command held it`);
  if (entry.requestId === null) return entry;
  const anchored = await tx.update({
    model: 'request',
    where: [
      { field: 'officeId', value: officeId },
      { field: 'id', value: entry.requestId },
      { field: 'version', value: entry.version },
    ],
    data: { [REQUEST_ANCHOR]: entry.hash },
  });
  if (!anchored) throw new Error(`request '${entry.requestId}' was not at version ${String(entry.version)} when its audit entry was anchored`);
  return entry;
}

/** Appends the entry of a request command (plugin transitions included). */
export function appendEntry(change: TransactionHookContext, recordInput: RecordInput): Promise<AuditChainEntry> {
  return append(change.tx, change.officeId, requestFacts(change), change.input, recordInput);
}

/** Appends the entry of a record command: a directory, office, config or visit change. */
export function appendRecordEntry(change: RecordTransactionContext, recordInput: RecordInput): Promise<AuditChainEntry> {
  return append(change.tx, change.officeId, recordFacts(change), change.input, recordInput);
}
