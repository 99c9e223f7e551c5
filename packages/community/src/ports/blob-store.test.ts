import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentSchema } from '../model/attachment.js';
import { fsBlobStore } from '../node/fs-blob-store.js';
import { rejection } from '../__fixtures__/expect-error.js';
import { sha256Hex, type BlobStore } from './blob-store.js';
import { memoryBlobStore } from './memory-blob-store.js';

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const meta = { name: '聊天记录截图.png', mediaType: 'image/png' };

const temporary: string[] = [];
async function tempDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'kechuang-blobs-'));
  temporary.push(directory);
  return directory;
}
afterEach(async () => {
  for (const directory of temporary.splice(0)) await rm(directory, { recursive: true, force: true });
});

interface StoreCase {
  name: string;
  make(): Promise<BlobStore>;
  /** URIs the store never issues and must refuse. */
  foreign: string[];
}

const someSha = nodeSha256(text('someone else'));
const stores: StoreCase[] = [
  {
    name: 'memoryBlobStore',
    make: async () => memoryBlobStore(),
    foreign: [`file-blob:${someSha}`, 'https://example.com/a.png', '../../etc/passwd', 'memory:not-a-sha'],
  },
  {
    name: 'fsBlobStore',
    make: async () => fsBlobStore({ directory: join(await tempDirectory(), 'nested', 'blobs') }),
    foreign: [`memory:${someSha}`, 'https://example.com/a.png', '../../etc/passwd', 'file-blob:../../etc/passwd', `file-blob:${someSha.toUpperCase()}`],
  },
];

describe.each(stores)('$name', ({ make, foreign }) => {
  it('round-trips bytes and returns valid attachment metadata with the right sha256', async () => {
    const store = await make();
    const bytes = text('没有签合同，只有聊天记录');
    const attachment = await store.put(bytes, meta);
    expect(attachment).toMatchObject({ ...meta, size: bytes.byteLength, sha256: nodeSha256(bytes) });
    expect(attachmentSchema.parse(attachment)).toEqual(attachment);
    expect(await store.get(attachment.uri)).toEqual(bytes);
  });

  it('stores a copy: changing the caller bytes or the returned bytes changes nothing stored', async () => {
    const store = await make();
    const bytes = text('original');
    const { uri } = await store.put(bytes, meta);
    bytes[0] = 0;
    const read = await store.get(uri);
    expect(read).toEqual(text('original'));
    (read as Uint8Array)[0] = 0;
    expect(await store.get(uri)).toEqual(text('original'));
  });

  it('hashes only the bytes a view covers', async () => {
    const store = await make();
    const buffer = text('xxHELLOxx');
    const view = buffer.subarray(2, 7);
    const attachment = await store.put(view, meta);
    expect(attachment.size).toBe(5);
    expect(attachment.sha256).toBe(nodeSha256(text('HELLO')));
    expect(await store.get(attachment.uri)).toEqual(text('HELLO'));
  });

  it('stores empty content', async () => {
    const store = await make();
    const attachment = await store.put(new Uint8Array(0), { name: 'empty.txt', mediaType: 'text/plain' });
    expect(attachment.sha256).toBe(nodeSha256(new Uint8Array(0)));
    expect(await store.get(attachment.uri)).toEqual(new Uint8Array(0));
  });

  it('addresses content: the same bytes give the same uri, other bytes another', async () => {
    const store = await make();
    const a = await store.put(text('same'), meta);
    const b = await store.put(text('same'), { name: 'copy.txt', mediaType: 'text/plain' });
    const c = await store.put(text('different'), meta);
    expect(b.uri).toBe(a.uri);
    expect(b.sha256).toBe(a.sha256);
    expect(b.name).toBe('copy.txt');
    expect(c.uri).not.toBe(a.uri);
    expect(await store.get(c.uri)).toEqual(text('different'));
  });

  it('accepts concurrent puts of the same bytes', async () => {
    const store = await make();
    const bytes = text('同一份证据材料');
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes, meta)));
    expect(new Set(results.map((r) => r.uri)).size).toBe(1);
    expect(await store.get(results[0]?.uri as string)).toEqual(bytes);
  });

  it('deletes; deleting again, or what was never there, is no error', async () => {
    const store = await make();
    const kept = await store.put(text('kept'), meta);
    const gone = await store.put(text('gone'), meta);
    await store.delete(gone.uri);
    expect(await store.get(gone.uri)).toBeNull();
    await store.delete(gone.uri);
    expect(await store.get(kept.uri)).toEqual(text('kept'));
  });

  it('answers null for a well-formed uri it never stored', async () => {
    const store = await make();
    const stored = await store.put(text('stored'), meta);
    const unknown = stored.uri.replace(stored.sha256, nodeSha256(text('never stored')));
    expect(unknown).not.toBe(stored.uri);
    expect(await store.get(unknown)).toBeNull();
    await store.delete(unknown);
  });

  it.each(foreign)('refuses the foreign uri %s with VALIDATION_FAILED', async (uri) => {
    const store = await make();
    await rejection(store.get(uri), 'VALIDATION_FAILED');
    await rejection(store.delete(uri), 'VALIDATION_FAILED');
  });
});

describe('fsBlobStore on disk', () => {
  it('keeps blobs under its directory, readable by a new store on the same directory, with no temporary files left', async () => {
    const directory = join(await tempDirectory(), 'blobs');
    const first = fsBlobStore({ directory });
    const attachment = await first.put(text('persisted'), meta);
    const second = fsBlobStore({ directory });
    expect(await second.get(attachment.uri)).toEqual(text('persisted'));
    const shard = attachment.sha256.slice(0, 2);
    expect(await readdir(join(directory, shard))).toEqual([attachment.sha256]);
  });
});

describe('sha256Hex', () => {
  it('matches node:crypto for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect(await sha256Hex(bytes)).toBe(nodeSha256(bytes));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the known digest of "abc"', async () => {
    expect(await sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
