import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../run-cli.js';

/** What one `kechuang` run left behind. */
export interface KechuangRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where a run happens and what it sees: no LANG, DATABASE_URL or KECHUANG_APP unless given. */
export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Text written to standard input of a spawned run. @default none */
  input?: string;
}

/** The apps the tests pass with --app, by absolute path. */
export const APPS = fileURLToPath(new URL('./apps/', import.meta.url));

/** Runs `kechuang <args>` in-process, as `runCli` does for any host. */
export async function kechuang(args: readonly string[], { cwd, env = {} }: RunOptions): Promise<KechuangRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (text) => stdout.push(text), err: (text) => stderr.push(text), isTTY: false, env, cwd };
  const code = await runCli(args, io);
  return { code, stdout: stdout.map((line) => `${line}\n`).join(''), stderr: stderr.map((line) => `${line}\n`).join('') };
}

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
// By absolute URL: the runs happen in temporary directories with no node_modules.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const KEPT = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT', 'KECHUANG_TEST_DATABASE_URL', 'CI'];

/** Runs `kechuang <args>` as a process of its own, from source under tsx, as a user runs it. */
export function spawnKechuang(args: readonly string[], { cwd, env = {}, input = '' }: RunOptions): Promise<KechuangRun> {
  const clean: Record<string, string> = {};
  for (const name of KEPT) {
    const value = process.env[name];
    if (value !== undefined) clean[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, MAIN, ...args], { cwd, env: { ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Fails with the run's output when it did not exit with `code`. */
export function expectCode(run: KechuangRun, code: number): void {
  if (run.code !== code) throw new Error(`expected exit ${code}, got ${String(run.code)}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}
