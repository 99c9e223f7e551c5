import type { CommunitySession, OutboxMessage, OutboxRecord, StorageAdapter } from '@kechuang/community';

/** What differs between the pending rows the notification tests write straight into the outbox. */
export interface PendingOutboxRowInput {
  id: string;
  officeId: string;
  notifierId: string;
  channel: string;
  /** @default 'request.assign' */
  event?: string;
  /** @default `${event}:${id}:${channel}` */
  idempotencyKey?: string;
  /** @default '新诉求待处理' */
  title?: string;
  text: string;
  /** The recipient's display name; the rows go to a group or a system, not to a member. */
  toName: string;
  /** @default {} */
  data?: OutboxMessage['data'];
  /** Both when the row was written and when it is first due. */
  at: Date;
}

/** A never-attempted zh-CN outbox row, as the pipeline would have written it. */
export function pendingOutboxRow(input: PendingOutboxRowInput): OutboxRecord {
  const event = input.event ?? 'request.assign';
  return {
    id: input.id,
    officeId: input.officeId,
    requestId: null,
    event,
    notifierId: input.notifierId,
    channel: input.channel,
    recipientMemberId: null,
    idempotencyKey: input.idempotencyKey ?? `${event}:${input.id}:${input.channel}`,
    message: { locale: 'zh-CN', title: input.title ?? '新诉求待处理', text: input.text, html: null, to: { memberId: null, name: input.toName, address: null }, data: input.data ?? {} },
    status: 'pending',
    dueAt: input.at,
    attempts: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    externalId: null,
    deliveredAt: null,
    deadAt: null,
    createdAt: input.at,
    version: 1,
  };
}

/** Every outbox row, by id. */
export async function outboxRows(storage: StorageAdapter): Promise<Map<string, OutboxRecord>> {
  const rows = await storage.findMany({ model: 'outbox', where: [], orderBy: [{ field: 'id' }] });
  return new Map(rows.map((row) => [row['id'] as string, row as unknown as OutboxRecord]));
}

/** Every dead letter the session may see, page by page. */
export async function allDeadLetters(session: CommunitySession): Promise<OutboxRecord[]> {
  const all: OutboxRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await session.notifications.deadLetters({ limit: 100, ...(after ? { after } : {}) });
    all.push(...page.items);
    if (!page.nextCursor) return all;
    after = page.nextCursor;
  }
}
