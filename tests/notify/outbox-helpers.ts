import type { CommunitySession, OutboxRecord, StorageAdapter } from '@kechuang/community';

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
