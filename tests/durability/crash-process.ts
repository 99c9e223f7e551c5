import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CrashDirectory } from './crash-directory.js';
import type { ConfirmedCommand } from './crash-invariants.js';
import { targetArgs, type CrashTarget } from './crash-storage.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = 'tests/durability/crash-child.ts';

/** A running crash child and what it has said so far. */
export interface CrashChild {
  pid: number;
  /** Resolves once the child printed READY; rejects if it ends first. */
  ready: Promise<void>;
  /** Resolves when the process has ended and its output is fully read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every OK line so far. */
  confirmed: ConfirmedCommand[];
  /** Every ERR line so far. */
  refused: string[];
  /** Whether a DONE line came (a clean stop after KECHUANG_CRASH_MAX_COMMANDS). */
  done: () => boolean;
  stderr: () => string;
  kill: () => void;
}

/** Starts `crash-child.ts` as its own Node process from the repository root. */
export function startCrashChild(target: CrashTarget, seed: number, directory: CrashDirectory, env: Record<string, string> = {}): CrashChild {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, ...targetArgs(target), String(seed)], {
    cwd: ROOT,
    env: { ...process.env, ...env, KECHUANG_CRASH_DIRECTORY: JSON.stringify(directory) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const confirmed: ConfirmedCommand[] = [];
  const refused: string[] = [];
  let done = false;
  let stderr = '';
  let pending = '';
  let markReady: () => void = () => undefined;
  let markNotReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markNotReady = reject;
  });
  // Only whole lines count: a line the kill cut short was never confirmed.
  const onLine = (line: string): void => {
    const [tag, ...rest] = line.split(' ');
    if (tag === 'READY') markReady();
    else if (tag === 'OK') confirmed.push({ requestId: rest[0] ?? '', version: Number(rest[1]), command: rest[2] ?? '' });
    else if (tag === 'ERR') refused.push(rest.join(' '));
    else if (tag === 'DONE') done = true;
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      onLine(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      markNotReady(new Error(`The crash child ended before READY (code ${code}, signal ${signal}):\n${stderr}`));
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error(`Could not start ${CHILD}.`);
  return {
    pid: child.pid,
    ready,
    closed,
    confirmed,
    refused,
    done: () => done,
    stderr: () => stderr,
    kill: () => void child.kill('SIGKILL'),
  };
}
