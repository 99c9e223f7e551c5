import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { targetArgs, type CrashTarget } from '../durability/crash-storage.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = 'tests/notify/worker-process.ts';

/** A running `worker-process.ts` and what it has said. */
export interface WorkerProcess {
  /** Resolves once it printed READY; rejects if it ended first. */
  ready: Promise<void>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Its worker's counts from the DONE line, once a draining process finished. */
  done: () => { delivered: number; rateLimited: number } | null;
  stderr: () => string;
  kill: () => void;
}

/** Starts `worker-process.ts` as its own Node process from the repository root. */
export function startWorkerProcess(target: CrashTarget, sinkUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SCRIPT, ...targetArgs(target), sinkUrl], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let out = '';
  let markReady: () => void = () => undefined;
  let markFailed: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('READY ')) markReady();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      markFailed(new Error(`The worker process ended before READY (code ${code}, signal ${signal}):\n${stderr}`));
      resolve({ code, signal });
    });
  });
  return {
    ready,
    closed,
    done: () => {
      const match = /^DONE (\d+) (\d+)$/m.exec(out);
      return match ? { delivered: Number(match[1]), rateLimited: Number(match[2]) } : null;
    },
    stderr: () => stderr,
    kill: () => void child.kill('SIGKILL'),
  };
}
