import type { Row } from '@kechuang/community';
import { z } from 'zod';

/** What the plugin reads of an earlier request (a stored row). */
export interface EarlierRequest {
  id: string;
  communityId: string;
  enterpriseId: string | null;
  parkId: string | null;
  submittedById: string | null;
  category: string;
  title: string;
  description: string;
  attributes: Record<string, unknown>;
  /** The SHA-256 of each attachment: what identifies an attachment as already sent. */
  attachmentHashes: string[];
  status: string;
  closedAt: Date | null;
  createdAt: Date;
  duplicateOfId: string | null;
  /** What the plugin decided at this request's own intake: `merge` means it is being merged away. */
  duplicatesAction: string | null;
}

const nullableId = z.string().nullable().catch(null);

const earlierRow = z.object({
  id: z.string(),
  communityId: z.string(),
  enterpriseId: nullableId,
  parkId: nullableId,
  submittedById: nullableId,
  category: z.string(),
  title: z.string(),
  description: z.string().catch(''),
  attributes: z.record(z.string(), z.unknown()).catch({}),
  attachments: z.array(z.object({ sha256: z.string() })).catch([]),
  status: z.string(),
  closedAt: z.date().nullable().catch(null),
  createdAt: z.date(),
  duplicateOfId: nullableId,
  // Absent on rows written before the plugin was installed.
  duplicatesAction: z.string().nullish().transform((v) => v ?? null),
});

/** An earlier request from its storage row; null for a row that is not a request. */
export function earlierFromRow(row: Row): EarlierRequest | null {
  const parsed = earlierRow.safeParse(row);
  if (!parsed.success) return null;
  const { attachments, ...rest } = parsed.data;
  return { ...rest, attachmentHashes: attachments.map((a) => a.sha256) };
}
