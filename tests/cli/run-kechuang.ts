import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The CLI's process entry, run from source so that tests need no build. */
export const KECHUANG_MAIN = fileURLToPath(new URL('../../packages/cli/src/main.ts', import.meta.url));

/** What a finished `kechuang` process left behind. */
export interface KechuangRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runKechuang}. */
export interface RunKechuangOptions {
  /** The working directory (a temp dir in tests). */
  cwd: string;
  /**
   * Variables added to a clean environment (PATH, HOME and the test database URL are kept;
   * LANG, LC_* and DATABASE_URL are not, so each test states its own).
   */
  env?: Record<string, string>;
  /** Text written to standard input. @default none */
  input?: string;
}

/**
 * tsx's loader by absolute URL: `--import tsx` resolves from the working directory, and the
 * tests run in temp dirs with no node_modules.
 */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const KEPT = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT', 'KECHUANG_TEST_DATABASE_URL', 'CI'];

/**
 * Spawns `kechuang <args>` as `node --conditions=source --import tsx …/main.ts` (tsx by its
 * absolute URL) and collects
 * its exit code and output.
 *
 * @example
 * ```ts
 * const { code, stdout } = await runKechuang(['check'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
 * ```
 */
export function runKechuang(args: readonly string[], options: RunKechuangOptions): Promise<KechuangRun> {
  const env: Record<string, string> = {};
  for (const name of KEPT) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, options.env ?? {});
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', TSX_LOADER, KECHUANG_MAIN, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
