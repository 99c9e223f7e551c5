import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { counterSchema } from './__fixtures__/counter-schema.js';
import { sqliteStorage } from './sqlite-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-sqlite-processes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./__fixtures__/read-then-write.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

interface WriterReport {
  writer: string;
  committed: number;
  failed: number;
  failures: string[];
}

function runWriter(file: string, writer: string, count: number): Promise<WriterReport> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', child, file, writer, String(count)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as WriterReport) : reject(new Error(`writer ${writer} exited ${code}: ${err}`))));
  });
}

describe('several processes writing one SQLite file', () => {
  // A deferred BEGIN makes about 40% of such transactions fail with SQLITE_BUSY under this load.
  it('commit every transaction that reads before it writes: each waits for the write lock', { timeout: 120_000 }, async () => {
    const file = join(dir, 'shared.sqlite');
    const setup = sqliteStorage({ filename: file });
    await setup.init(counterSchema);
    await setup.close?.();
    const writers = ['a', 'b', 'c', 'd'];
    const perWriter = 300;
    const reports = await Promise.all(writers.map((writer) => runWriter(file, writer, perWriter)));
    console.log(`[sqlite-processes] ${reports.map((r) => `${r.writer}: ${r.committed} committed, ${r.failed} failed`).join('; ')}`);
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    const check = sqliteStorage({ filename: file });
    await check.init(counterSchema);
    try {
      expect(await check.count({ model: 'entry' })).toBe(writers.length * perWriter);
      // Serialised writers: every entry saw a different number of earlier entries.
      const seen = (await check.findMany({ model: 'entry' })).map((row) => row['seen'] as number);
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      await check.close?.();
    }
  });
});
