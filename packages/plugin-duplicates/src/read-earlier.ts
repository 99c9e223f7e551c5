import { isKechuangError, matchesWhere, type Row, type StorageOperations, type Where } from '@kechuang/community';
import { earlierFromRow, type EarlierRequest } from './earlier-request.js';
import type { DuplicatesOptions } from './duplicates-options.js';
import { scopeWhere, subjectOf, type Probe, type Subject } from './duplicates-scope.js';

/** The newest earlier requests a submission is compared with, as rows. */
export interface EarlierRows {
  candidates: Row[];
  /** The subject's rows, when repeats are counted and the subject's rows are not the candidates. */
  sameSubject: Row[];
}

const NEWEST_FIRST = [
  { field: 'createdAt', direction: 'desc' },
  { field: 'id', direction: 'desc' },
] as const;

/**
 * Reads the newest `maxCandidates` requests in the submission's scope and, when repeats are
 * counted, of its subject. Nothing bounds the query by time: a `before` hook does not know the
 * command's time, so the window is applied once it is known, in the transaction.
 */
export async function readEarlier(read: StorageOperations, probe: Probe, options: DuplicatesOptions): Promise<EarlierRows> {
  const scope = scopeWhere(probe, options.scope);
  const candidates = await read.findMany({ model: 'request', where: scope, orderBy: NEWEST_FIRST, limit: options.maxCandidates });
  const subject = options.maxRepeats === null ? null : subjectOf(probe);
  if (subject === null || sameClause(subject.where, scope)) return { candidates, sameSubject: [] };
  const sameSubject = await read.findMany({ model: 'request', where: subject.where, orderBy: NEWEST_FIRST, limit: options.maxCandidates });
  return { candidates, sameSubject };
}

function sameClause(a: Where, b: Where): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Splits rows into the candidates of the scope and the subject's own, as earlier requests. */
export function classify(rows: readonly Row[], probe: Probe, options: DuplicatesOptions): { candidates: EarlierRequest[]; sameSubject: EarlierRequest[] } {
  const scope = scopeWhere(probe, options.scope);
  const subject = subjectOf(probe);
  const candidates: EarlierRequest[] = [];
  const sameSubject: EarlierRequest[] = [];
  for (const row of rows) {
    const earlier = earlierFromRow(row);
    if (!earlier) continue;
    if (matchesWhere(row, scope)) candidates.push(earlier);
    if (subject && matchesWhere(row, subject.where)) sameSubject.push(earlier);
  }
  return { candidates, sameSubject };
}

/** The guard row's id for a subject: one per office and subject. */
function guardId(officeId: string, subject: Subject): string {
  return `${officeId}/${subject.key}`;
}

/**
 * Makes sure the subject's guard row exists, outside any transaction (creating it inside one
 * would fail the whole submission when two first submissions race). A guard is never deleted,
 * so each process creates or checks each one once.
 */
export async function ensureGuard(storage: StorageOperations, officeId: string, subject: Subject, known: Set<string>): Promise<void> {
  const id = guardId(officeId, subject);
  if (known.has(id)) return;
  const found = await storage.findOne({ model: 'duplicates_guard', where: [{ field: 'officeId', value: officeId }, { field: 'id', value: id }] });
  if (!found) {
    try {
      await storage.create({ model: 'duplicates_guard', data: { id, officeId, subject: subject.key, lastRequestId: null } });
    } catch (error) {
      // Another submission created it first: that is all we wanted.
      if (!isKechuangError(error, 'UNIQUE_VIOLATION')) throw error;
    }
  }
  known.add(id);
}

/**
 * Takes the subject's guard inside the submission's transaction: the update holds the row's
 * lock until commit on databases that run transactions side by side (PostgreSQL), so a second
 * submission of the same subject waits here and then sees the first one's request. SQLite and
 * memory run one write transaction at a time, where this costs one write and waits for nothing.
 */
export async function takeGuard(tx: StorageOperations, officeId: string, subject: Subject, requestId: string): Promise<void> {
  const id = guardId(officeId, subject);
  const where: Where = [{ field: 'officeId', value: officeId }, { field: 'id', value: id }];
  const taken = await tx.update({ model: 'duplicates_guard', where, data: { lastRequestId: requestId } });
  // Missing only if the before hook could not read the input, or the row was removed since;
  // should two such submissions race here, one fails with UNIQUE_VIOLATION and can be sent again.
  if (!taken) await tx.create({ model: 'duplicates_guard', data: { id, officeId, subject: subject.key, lastRequestId: requestId } });
}
