import type { Runtime } from '../pipeline/runtime.js';
import { rowToRecord } from '../storage/records.js';
import type { Row, StorageOperations } from '../storage/types.js';
import type { TimerDraft, TimerRecord } from './timer-record.js';
import { createRows } from '../storage/create-rows.js';

/**
 * Schedules timers through `tx`, inside the transaction of the change that causes them. A key
 * that is already scheduled in the office is left as it is (checked first: a failed insert
 * would poison the transaction on some databases). Pass `freshKeys` when the keys cannot exist
 * yet, as for SLA timers, whose keys name the request version the guarded update just created.
 */
export async function scheduleTimers(
  runtime: Pick<Runtime, 'newId'>,
  tx: StorageOperations,
  officeId: string,
  requestId: string | null,
  drafts: readonly TimerDraft[],
  now: Date,
  options: { freshKeys?: boolean } = {},
): Promise<void> {
  const rows: Row[] = [];
  const keys = new Set<string>();
  for (const draft of drafts) {
    // The first draft of a key wins, as if each were scheduled in turn.
    if (keys.has(draft.key)) continue;
    keys.add(draft.key);
    if (!options.freshKeys) {
      const existing = await tx.findOne({ model: 'timer', where: [{ field: 'officeId', value: officeId }, { field: 'key', value: draft.key }] });
      if (existing) continue;
    }
    const timer: TimerRecord = {
      id: runtime.newId(),
      officeId,
      requestId,
      kind: draft.kind,
      key: draft.key,
      dueAt: draft.dueAt,
      payload: draft.payload,
      status: 'pending',
      leaseOwner: null,
      leaseExpiresAt: null,
      firedAt: null,
      attempts: 0,
      lastError: null,
      failedAt: null,
      createdAt: now,
      version: 1,
    };
    rows.push(timer as unknown as Row);
  }
  await createRows(tx, 'timer', rows);
}

/**
 * Cancels a request's timers that have not fired (all of them, or those of the given kinds),
 * through `tx`, so re-scheduling and cancelling commit together.
 */
export async function cancelTimers(tx: StorageOperations, officeId: string, requestId: string, kinds?: readonly string[]): Promise<number> {
  const rows = await tx.findMany({
    model: 'timer',
    where: [
      { field: 'officeId', value: officeId },
      { field: 'requestId', value: requestId },
      { field: 'status', op: 'in', value: ['pending', 'leased'] },
      ...(kinds ? [{ field: 'kind', op: 'in' as const, value: [...kinds] }] : []),
    ],
  });
  let cancelled = 0;
  for (const row of rows) {
    const timer = rowToRecord<TimerRecord>(row);
    const updated = await tx.update({
      model: 'timer',
      where: [{ field: 'id', value: timer.id }, { field: 'version', value: timer.version }],
      data: { status: 'cancelled', leaseOwner: null, leaseExpiresAt: null, version: timer.version + 1 },
    });
    if (updated) cancelled++;
  }
  return cancelled;
}
