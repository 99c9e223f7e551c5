import type { Attachment } from '../model/attachment.js';

/**
 * Where attachment bytes live. The request only keeps metadata ({@link Attachment}); the
 * store returns the `uri` and the SDK computes the SHA-256.
 */
export interface BlobStore {
  /** Stores `bytes` and returns the attachment metadata to put on a request or note. */
  put(bytes: Uint8Array, meta: { name: string; mediaType: string }): Promise<Attachment>;
  /** The bytes behind `uri`, or null when there are none. */
  get(uri: string): Promise<Uint8Array | null>;
  /** Removes the bytes; removing what is not there is not an error. */
  delete(uri: string): Promise<void>;
}

/** Lower-case hex SHA-256 of `bytes`, with Web Crypto (Node ≥ 20, browsers, edge). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
