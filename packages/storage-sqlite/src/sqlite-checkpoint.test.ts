import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isKechuangError, type KechuangError } from '@kechuang/community';
import { startBackgroundCheckpoint } from './background-checkpoint.js';
import { openSqliteStorage, sqliteStorage } from './sqlite-storage.js';
import { notesSchema, sizeOf, waitFor, writeBulk } from './__fixtures__/bulk-notes.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-sqlite-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./__fixtures__/write-and-exit.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
// Far beyond any test: the worker never gets to checkpoint on its own.
const NEVER = { intervalMs: 2 ** 31 - 1 };

interface ChildReport {
  code: number | null;
  out: string;
  err: string;
}

function runChild(file: string, ending: 'close' | 'leave'): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', child, file, ending], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    // A bound on hanging, not on speed: a process kept alive by the worker would never exit.
    const hung = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`write-and-exit.ts ${ending} did not exit within 60 s: ${err}`));
    }, 60_000);
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      clearTimeout(hung);
      resolve({ code, out, err });
    });
  });
}

describe('sqliteStorage checkpoints', () => {
  it('leaves commits without checkpoints by default, where the automatic mode copies the WAL inside the commit', async () => {
    const background = join(dir, 'background.sqlite');
    const quiet = sqliteStorage({ filename: background, checkpoint: NEVER });
    await quiet.init(notesSchema);
    await writeBulk(quiet);
    expect(sizeOf(background)).toBeLessThan(1_000_000);
    expect(sizeOf(`${background}-wal`)).toBeGreaterThan(5_000_000);
    await quiet.close?.();

    const auto = join(dir, 'auto.sqlite');
    const eager = sqliteStorage({ filename: auto, checkpoint: 'auto' });
    await eager.init(notesSchema);
    await writeBulk(eager);
    expect(sizeOf(auto)).toBeGreaterThan(5_000_000);
    await eager.close?.();
  });

  it('copies the WAL into the file from the worker, and close() removes the WAL', async () => {
    const file = join(dir, 'worker.sqlite');
    const storage = sqliteStorage({ filename: file, checkpoint: { intervalMs: 20 } });
    await storage.init(notesSchema);
    await writeBulk(storage);
    await waitFor(() => sizeOf(file) > 5_000_000, 'the worker to copy the WAL into the database file');
    await storage.close?.();
    expect(sizeOf(`${file}-wal`)).toBe(0);

    const reopened = sqliteStorage({ filename: file, checkpoint: 'auto' });
    await reopened.init(notesSchema);
    expect(await reopened.count({ model: 'note' })).toBe(300);
    await reopened.close?.();
  });

  it('falls back to checkpoints on commit when the worker cannot start, and says so once', async () => {
    const file = join(dir, 'fallback.sqlite');
    const errors: KechuangError[] = [];
    let reported!: () => void;
    const failed = new Promise<void>((resolve) => (reported = resolve));
    const onError = (error: KechuangError): void => {
      errors.push(error);
      reported();
    };
    const storage = openSqliteStorage({ filename: file, checkpoint: { ...NEVER, onError } }, { driverPath: join(dir, 'no-such-driver.js') });
    await storage.init(notesSchema);
    await failed;
    await writeBulk(storage);
    // Copied inside the commit, with no worker and no wait.
    expect(sizeOf(file)).toBeGreaterThan(5_000_000);
    await storage.close?.();
    expect(errors).toHaveLength(1);
    expect(isKechuangError(errors[0])).toBe(true);
    expect(errors[0]?.code).toBe('STORAGE_ERROR');
    expect(errors[0]?.message).toContain("checkpoint: 'auto'");
    expect(errors[0]?.details).toMatchObject({ filename: file });
  });

  it('warns on the console when no onError is given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const file = join(dir, 'warns.sqlite');
      const storage = openSqliteStorage({ filename: file }, { driverPath: join(dir, 'no-such-driver.js') });
      await storage.init(notesSchema);
      await waitFor(() => warn.mock.calls.length > 0, 'the warning');
      await storage.close?.();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('background WAL checkpoint');
    } finally {
      warn.mockRestore();
    }
  });

  it('starts a worker only for a WAL file in background mode', async () => {
    const started: string[] = [];
    const startCheckpoint: typeof startBackgroundCheckpoint = (options) => {
      started.push(options.filename);
      return startBackgroundCheckpoint(options);
    };
    const file = join(dir, 'started.sqlite');
    for (const storage of [
      openSqliteStorage({ filename: ':memory:' }, { startCheckpoint }),
      openSqliteStorage({ filename: join(dir, 'auto-mode.sqlite'), checkpoint: 'auto' }, { startCheckpoint }),
      openSqliteStorage({ filename: file }, { startCheckpoint }),
    ]) {
      await storage.init(notesSchema);
      await storage.close?.();
    }
    expect(started).toEqual([file]);
  });

  it('refuses a checkpoint option it does not know, naming the field', () => {
    const attempts: unknown[] = ['sometimes', { intervalMs: 0 }, { intervalMs: 1.5 }, { intervalMs: 2 ** 31 }, { onError: 'log' }, null];
    for (const checkpoint of attempts) {
      let caught: unknown;
      try {
        sqliteStorage({ filename: ':memory:', checkpoint: checkpoint as never });
      } catch (error) {
        caught = error;
      }
      expect(isKechuangError(caught) && caught.code, JSON.stringify(checkpoint)).toBe('VALIDATION_FAILED');
    }
  });

  it('never keeps a process alive: it exits after close(), and also without it', { timeout: 120_000 }, async () => {
    const closed = join(dir, 'child-closed.sqlite');
    const left = join(dir, 'child-left.sqlite');
    const [afterClose, withoutClose] = await Promise.all([runChild(closed, 'close'), runChild(left, 'leave')]);
    expect(afterClose).toMatchObject({ code: 0 });
    expect(JSON.parse(afterClose.out.trim())).toEqual({ ending: 'close', walBytes: 0 });
    expect(withoutClose).toMatchObject({ code: 0 });
    expect(JSON.parse(withoutClose.out.trim())).toMatchObject({ ending: 'leave' });
    for (const file of [closed, left]) {
      const check = sqliteStorage({ filename: file, checkpoint: 'auto' });
      await check.init(notesSchema);
      expect(await check.count({ model: 'note' })).toBe(300);
      await check.close?.();
    }
  });
});
