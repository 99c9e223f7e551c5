import { KechuangError, type Where } from '@kechuang/community';
import { ENTRY_MODEL } from './audit-chain-schema.js';
import { rowToEntry, type AuditChainEntry } from './audit-entry.js';
import type { AuditChainReader } from './chain-lookup.js';

/** Which entries {@link listAuditEntries} returns. */
export interface ListAuditEntriesInput {
  /** The office whose chain to read. */
  officeId: string;
  /** Only this request's entries. */
  requestId?: string;
  /** Only the entries of this record: `{ model: 'member', id }`; for `config`, the office's id. */
  record?: {
    /** The record's model, e.g. `member` or `config`. */
    model: string;
    /** The record's id. */
    id: string;
  };
  /** Only entries numbered after this one, to read on from the last entry of a page. @default 0 */
  afterSeq?: number;
  /** The most entries to return, from 1 to 1000. @default 100 */
  limit?: number;
}

function invalid(field: string, message: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `listAuditEntries: ${message}`, { issues: [{ path: [field], message, code: 'invalid_value' }] });
}

/**
 * An office's audit entries in number order, optionally of one request or one record: the
 * log itself, for a request's or a member's history, or an export. Rows that no longer read as entries (someone wrote to
 * them by hand) are left out; `verifyAuditChain` reports them.
 *
 * @example
 * ```ts
 * const trail = await listAuditEntries(storage, { officeId, requestId });
 * for (const e of trail) console.log(e.seq, e.command, e.actorId, e.at.toISOString(), e.status);
 * const memberTrail = await listAuditEntries(storage, { officeId, record: { model: 'member', id: memberId } });
 * ```
 */
export async function listAuditEntries(storage: AuditChainReader, input: ListAuditEntriesInput): Promise<AuditChainEntry[]> {
  const { officeId, requestId, record, afterSeq = 0, limit = 100 } = input;
  if (typeof officeId !== 'string' || officeId === '') throw invalid('officeId', 'give the id of the office whose entries to list');
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw invalid('afterSeq', 'afterSeq must be a whole number of 0 or more');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw invalid('limit', 'limit must be a whole number from 1 to 1000');
  if (record !== undefined && (typeof record.model !== 'string' || typeof record.id !== 'string')) throw invalid('record', "record names a model and an id, e.g. { model: 'member', id }");
  const where: Where = [
    { field: 'officeId', value: officeId },
    { field: 'seq', op: 'gt', value: afterSeq },
    ...(requestId === undefined ? [] : [{ field: 'requestId', value: requestId }]),
    ...(record === undefined ? [] : [{ field: 'model', value: record.model }, { field: 'recordId', value: record.id }]),
  ];
  const rows = await storage.findMany({ model: ENTRY_MODEL, where, orderBy: [{ field: 'seq' }, { field: 'id' }], limit });
  return rows.map(rowToEntry).filter((entry): entry is AuditChainEntry => entry !== null);
}
