/**
 * Test helpers for outbox delivery: outbox rows written straight through storage (as the
 * change's transaction would write them) and notifiers that record what they were handed.
 */
import type { StorageAdapter, Row } from '../storage/types.js';
import { rowToRecord } from '../storage/records.js';
import type { OutboxRecord } from './dispatch-record.js';
import type { NotificationMessage, Notifier, NotifyContext, NotifyResult } from './notifier.js';

/** A pending outbox row for `notifierId`, due at `dueAt`. */
export function outboxRow(id: string, officeId: string, notifierId: string, dueAt: Date, extra: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id,
    officeId,
    requestId: null,
    event: 'request.assign',
    notifierId,
    channel: 'webhook',
    recipientMemberId: null,
    idempotencyKey: `request.assign:${id}:${notifierId}`,
    message: {
      locale: 'zh-CN',
      title: '新诉求待处理',
      text: `您有一条新诉求待处理（${id}）`,
      html: null,
      to: { memberId: null, name: '李律师', address: null },
      data: { n: id },
    },
    status: 'pending',
    dueAt,
    attempts: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    externalId: null,
    deliveredAt: null,
    deadAt: null,
    createdAt: dueAt,
    version: 1,
    ...extra,
  };
}

/** Inserts outbox rows in batches. */
export async function insertOutbox(storage: StorageAdapter, rows: readonly OutboxRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200) as unknown as Row[];
    if (storage.createMany) await storage.createMany({ model: 'outbox', data: batch });
    else for (const row of batch) await storage.create({ model: 'outbox', data: row });
  }
}

/** Every outbox row, by id. */
export async function outboxById(storage: StorageAdapter): Promise<Map<string, OutboxRecord>> {
  const rows = await storage.findMany({ model: 'outbox', where: [], orderBy: [{ field: 'id' }] });
  return new Map(rows.map((row) => [row['id'] as string, rowToRecord<OutboxRecord>(row)]));
}

/** One call of a {@link recordingNotifier}. */
export interface RecordedSend {
  message: NotificationMessage;
  ctx: NotifyContext;
}

/** A notifier that records every call and answers with `answer` (delivered by default). */
export function recordingNotifier(
  id: string,
  answer: (message: NotificationMessage, ctx: NotifyContext) => Promise<NotifyResult> = async (message) => ({ externalId: `ext-${message.id}` }),
  rateLimits?: Notifier['rateLimits'],
): Notifier & { calls: RecordedSend[] } {
  const calls: RecordedSend[] = [];
  return {
    id,
    channel: 'webhook',
    ...(rateLimits ? { rateLimits } : {}),
    calls,
    send(message, ctx) {
      calls.push({ message, ctx });
      return answer(message, ctx);
    },
  };
}
