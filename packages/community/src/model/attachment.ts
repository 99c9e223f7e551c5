import { z } from 'zod';

/**
 * Attachment metadata. The bytes live in a {@link BlobStore}; `uri` is what the store
 * returned and `sha256` lets anyone verify what they fetch.
 */
export const attachmentSchema = z.strictObject({
  /** The file name shown to people, e.g. `合同.pdf`. */
  name: z.string().trim().min(1).max(255),
  /** The media type, e.g. `image/jpeg` or `application/pdf`. */
  mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'Use a media type such as image/jpeg or application/pdf'),
  /** The size in bytes, at most 1 GiB. */
  size: z.number().int().nonnegative().max(1024 * 1024 * 1024),
  /** The lower-case hex SHA-256 of the bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Use the lower-case hex SHA-256 of the bytes (64 characters)'),
  /** Where the blob store keeps the bytes, as it returned it. */
  uri: z.string().min(1).max(2000),
});
/**
 * Attachment metadata: what a file is and where the blob store keeps it.
 *
 * @useDeclaredType
 */
export type Attachment = z.infer<typeof attachmentSchema>;
