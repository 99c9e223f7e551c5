import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommunity } from '@kechuang/community';
import { afterAll, describe, expect, it } from 'vitest';
import { hallRoot } from './client-build.js';
import { openHallData } from './hall-data.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-data-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the hall’s data across starts', () => {
  it('throws away a first start killed half-way through the demo year, loads it whole, then reopens it', async () => {
    const directory = tempDir();
    const database = join(directory, 'service-hall.sqlite');
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(hallRoot, 'src', 'server', 'main.ts'), '--smoke'], {
      cwd: hallRoot,
      env: { ...process.env, HALL_DATA_DIR: directory, HALL_CLIENT_DIST: tempDir(), PORT: '0' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // Killed while the directory and the year are being written: the database exists, the mark does not.
    await until(() => existsSync(database), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(join(directory, 'service-hall.loaded'))).toBe(false);

    const reloaded = await openHallData({ directory });
    expect(reloaded.loaded).toBe(true);
    const community = createCommunity({ storage: reloaded.storage });
    const year = await community.as({ kind: 'system', officeId: reloaded.officeId }).metrics.query({ period: { from: '2025-03-01', to: '2026-02-28' } });
    // The whole demo year, once: a half-written first attempt would show as a second office or a short year.
    expect(year.total.counts.collected).toBe(463);
    await reloaded.storage.close?.();

    const reopened = await openHallData({ directory });
    expect(reopened).toMatchObject({ loaded: false, officeId: reloaded.officeId });
    await reopened.storage.close?.();
  }, 180_000);
});
