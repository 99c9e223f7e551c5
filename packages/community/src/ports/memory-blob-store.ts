import { KechuangError } from '../errors/kechuang-error.js';
import { sha256Hex, type BlobStore } from './blob-store.js';

const URI = /^memory:[0-9a-f]{64}$/;

function checkUri(uri: string): void {
  if (!URI.test(uri)) {
    throw new KechuangError('VALIDATION_FAILED', `'${uri}' is not a URI this memory blob store issued (expected memory:<sha256>).`, {
      issues: [{ path: ['uri'], message: 'not issued by this blob store', code: 'foreign_uri' }],
    });
  }
}

/**
 * A {@link BlobStore} in memory, content-addressed: the same bytes are stored once.
 *
 * @example
 * ```ts
 * const blobs = memoryBlobStore();
 * const attachment = await blobs.put(new TextEncoder().encode('hello'), { name: 'a.txt', mediaType: 'text/plain' });
 * ```
 */
export function memoryBlobStore(): BlobStore {
  const blobs = new Map<string, Uint8Array>();
  return {
    async put(bytes, meta) {
      const sha256 = await sha256Hex(bytes);
      const uri = `memory:${sha256}`;
      blobs.set(uri, bytes.slice());
      return { name: meta.name, mediaType: meta.mediaType, size: bytes.byteLength, sha256, uri };
    },
    async get(uri) {
      checkUri(uri);
      const bytes = blobs.get(uri);
      return bytes ? bytes.slice() : null;
    },
    async delete(uri) {
      checkUri(uri);
      blobs.delete(uri);
    },
  };
}
