import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KechuangError } from '../errors/kechuang-error.js';
import { sha256Hex, type BlobStore } from '../ports/blob-store.js';

/** Options of {@link fsBlobStore}. */
export interface FsBlobStoreOptions {
  /** Directory the blobs are written under; created when missing. */
  directory: string;
}

const URI_PREFIX = 'file-blob:';

/**
 * A {@link BlobStore} on the local file system, content-addressed by SHA-256 and written
 * atomically (temporary file, then rename), so a crash never leaves a half-written blob.
 *
 * @example
 * ```ts
 * import { fsBlobStore } from '@kechuang/community/node';
 * const blobs = fsBlobStore({ directory: './.data/blobs' });
 * ```
 */
export function fsBlobStore(options: FsBlobStoreOptions): BlobStore {
  const root = resolve(options.directory);
  const pathOf = (uri: string): string => {
    const sha = uri.startsWith(URI_PREFIX) ? uri.slice(URI_PREFIX.length) : '';
    if (!/^[0-9a-f]{64}$/.test(sha)) {
      throw new KechuangError('VALIDATION_FAILED', `'${uri}' is not a URI this file blob store issued (expected ${URI_PREFIX}<sha256>).`, {
        issues: [{ path: ['uri'], message: 'not issued by this blob store', code: 'foreign_uri' }],
      });
    }
    return join(root, sha.slice(0, 2), sha);
  };
  return {
    async put(bytes, meta) {
      const sha256 = await sha256Hex(bytes);
      const uri = `${URI_PREFIX}${sha256}`;
      const target = pathOf(uri);
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      // A unique temporary name: concurrent puts of the same bytes must not share one.
      const temp = `${target}.${globalThis.crypto.randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
      return { name: meta.name, mediaType: meta.mediaType, size: bytes.byteLength, sha256, uri };
    },
    async get(uri) {
      try {
        return new Uint8Array(await readFile(pathOf(uri)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(uri) {
      await rm(pathOf(uri), { force: true });
    },
  };
}
