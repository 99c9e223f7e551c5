/**
 * The service hall as a user starts it: `npm start`'s command in a child process, on an empty
 * data directory and an empty bundle directory, so each run is a true first start (the demo
 * year loads, the console builds) and never touches a developer's `.data`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHall {
  /** `http://127.0.0.1:<port>`, as the hall printed it. */
  url: string;
  /** Milliseconds from spawning the process until it printed its URL. */
  startupMs: number;
  /** What the process printed so far, for a failing test's message. */
  output(): string;
  /** Stops the process, waits for it to exit and removes its directories. */
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const URL_LINE = /Service hall\s+(http:\/\/[^\s]+)/;

export async function startHall({ timeoutMs = 150_000 }: { timeoutMs?: number } = {}): Promise<RunningHall> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-e2e-data-'));
  const distDir = await mkdtemp(join(tmpdir(), 'hall-e2e-dist-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'examples/service-hall/src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HALL_DATA_DIR: dataDir, HALL_CLIENT_DIST: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const cleanUp = async (): Promise<void> => {
    await stopChild(child, exited);
    await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(distDir, { recursive: true, force: true })]);
  };

  try {
    const url = await new Promise<string>((found, failed) => {
      const timer = setTimeout(() => failed(new Error(`the hall printed no URL within ${timeoutMs / 1000} s:\n${printed}`)), timeoutMs);
      const look = (): void => {
        const match = URL_LINE.exec(printed);
        if (!match?.[1]) return;
        clearTimeout(timer);
        found(match[1]);
      };
      child.stdout.on('data', look);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        failed(new Error(`the hall exited (${signal ?? code}) before printing its URL:\n${printed}`));
      });
    });
    return { url, startupMs: performance.now() - started, output: () => printed, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** SIGTERM lets the hall close its server, worker and database; SIGKILL if it hangs. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const hung = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(hung);
}
