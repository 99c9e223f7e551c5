/**
 * The two halves of an HTTP load test: a server in a child process of its own
 * (bench/server-target.ts), and autocannon driving it from this process.
 *
 * Every child is tracked from spawn to exit. `stop()` closes its standard input (the target's
 * signal to shut down cleanly), then kills it if it has not gone within ten seconds; if this
 * process exits first, every child still running is killed on the way out, and a child whose
 * parent died sees its input close and ends itself. So no server is left behind, even when a
 * benchmark fails half-way or is interrupted (SIGINT and SIGTERM exit through the same path).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoadSide } from './harness.js';
import { DONE_MARK, READY_MARK, type TargetCommand } from './server-protocol.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const targetFile = join(benchDir, 'server-target.ts');

/** A running target process. */
export interface TargetProcess {
  pid: number;
  /** The JSON the target printed after its ready mark. */
  ready: Record<string, unknown>;
  /** Sends a command and waits for its answer; an answer with `error` rejects. */
  command(command: TargetCommand): Promise<Record<string, unknown>>;
  /** Asks the target to end and waits until it has (killing it if it does not). */
  stop(): Promise<void>;
}

/** How to start a target. */
export interface TargetOptions {
  /** How long the target may take to print its ready line. */
  readyTimeoutMs: number;
  /** Printed before each line the target writes to its standard output. @default '    ' */
  prefix?: string;
}

const live = new Set<ChildProcess>();
let guarded = false;

function killLiveOnExit(): void {
  if (guarded) return;
  guarded = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
  // Interrupted, exit through the handler above (and the bench's own clean-up) instead of dying at once.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}

/** Spawns `node --conditions=source --import tsx bench/server-target.ts ...args` and waits until it is ready. */
export function startTarget(args: string[], options: TargetOptions): Promise<TargetProcess> {
  killLiveOnExit();
  const prefix = options.prefix ?? '    ';
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', targetFile, ...args], {
    cwd: dirname(benchDir),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  live.add(child);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    });
  });

  const answers: ((answer: Record<string, unknown>) => void)[] = [];
  function command(line: TargetCommand): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      answers.push((answer) => (typeof answer['error'] === 'string' ? reject(new Error(`${line}: ${answer['error']}`)) : resolve(answer)));
      child.stdin!.write(`${line}\n`);
    });
  }

  async function stop(): Promise<void> {
    if (!live.has(child)) return;
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (message: string): void => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(message)));
    };
    const timer = setTimeout(() => fail(`bench/server-target.ts ${args[0]} was not ready within ${options.readyTimeoutMs / 1000} s`), options.readyTimeoutMs);
    child.once('error', (error) => fail(`could not start bench/server-target.ts: ${error.message}`));
    void exited.then((how) => {
      fail(`bench/server-target.ts ${args[0]} ended before it was ready (${how}); its errors are above`);
      for (const answer of answers.splice(0)) answer({ error: `the target ended (${how}) before answering` });
    });
    // Lines keep being read after the ready line, so a chatty target never blocks on a full pipe.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready && line.startsWith(`${READY_MARK} `)) {
        ready = true;
        clearTimeout(timer);
        resolve({ pid: child.pid!, ready: JSON.parse(line.slice(READY_MARK.length + 1)) as Record<string, unknown>, command, stop });
        return;
      }
      if (line.startsWith(`${DONE_MARK} `)) {
        answers.shift()?.(JSON.parse(line.slice(DONE_MARK.length + 1)) as Record<string, unknown>);
        return;
      }
      console.log(`${prefix}${line}`);
    });
  });
}

/** One load run. */
export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  seconds: number;
  connections: number;
  /** The status every response should have; others are counted as unexpected. */
  expectStatus: number;
}

/** The part of autocannon's result this benchmark reads. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  pipelining: number;
}) => Promise<AutocannonResult>;

// autocannon ships no type declarations; its programmatic API returns a promise when given no callback.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Drives `options.url` with autocannon for `seconds` and returns the figures of that side. */
export async function runLoad(name: string, options: LoadOptions): Promise<LoadSide> {
  const result = await autocannon({
    url: options.url,
    method: options.method,
    headers: options.headers,
    ...(options.body === undefined ? {} : { body: options.body }),
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
  });
  const expected = result.statusCodeStats[String(options.expectStatus)]?.count ?? 0;
  return {
    name,
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    unexpectedStatus: result.requests.total - expected,
  };
}
