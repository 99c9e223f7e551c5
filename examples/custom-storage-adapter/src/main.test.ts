import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const exampleRoot = dirname(import.meta.dirname);
const storeDir = mkdtempSync(join(tmpdir(), 'json-file-main-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

function runMain(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(exampleRoot, 'src', 'main.ts')], {
      cwd: exampleRoot,
      env: { ...process.env, STORE_DIR: storeDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('main runs a request around the loop on the JSON file, and a new adapter finds it closed', async () => {
  const { code, stdout, stderr } = await runMain();
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('submitted: assigned, assigned to 李律师');
  expect(stdout).toContain('fired a sla.reminder timer');
  expect(stdout).toContain('closed: closed, outcome solved, rating satisfied');
  expect(stdout).toContain('March: resolution rate 1, satisfaction rate 1');
  expect(stdout).toMatch(/40余个项目尾款未结 is closed, version 5, \d+ timeline entries/);
  const file = join(storeDir, 'community.json');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'kechuang-json-file-storage/1' });
  expect(existsSync(`${file}.lock`), 'close() releases the lock').toBe(false);
});
