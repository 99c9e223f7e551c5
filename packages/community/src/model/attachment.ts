import { z } from 'zod';

/**
 * Attachment metadata. The bytes live in a {@link BlobStore}; `uri` is what the store
 * returned and `sha256` lets anyone verify what they fetch.
 */
export const attachmentSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'Use a media type such as image/jpeg or application/pdf'),
  size: z.number().int().nonnegative().max(1024 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Use the lower-case hex SHA-256 of the bytes (64 characters)'),
  uri: z.string().min(1).max(2000),
});
export type Attachment = z.infer<typeof attachmentSchema>;
