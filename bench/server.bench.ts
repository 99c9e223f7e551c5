/**
 * The HTTP API under load, on loopback with autocannon (`npm run bench -- server`):
 *
 * - server.submit: `POST /api/requests` as the station head, a legal matter about an unpaid
 *   invoice (尾款) that the demo rules route to the legal station's lawyer; 201 expected.
 * - server.queue: `GET /api/requests?status=assigned,accepted&limit=20` as the lawyer, whose
 *   queue holds a few hundred of the seeded requests (bench/server-dataset.ts says how many).
 *
 * Both sides of each benchmark serve a fresh copy of the same SQLite file (WAL, as
 * `sqliteStorage` opens it) in a child process of their own (bench/server-target.ts), one after
 * the other, so the load generator never shares an event loop or a core with the server:
 * - the SDK: `createServer` from @kechuang/server over `sqliteStorage`, served by `serve` from
 *   @kechuang/server/node;
 * - the baseline: a bare Hono app on @hono/node-server doing the same insert or SELECT with
 *   prepared better-sqlite3 statements (bench/server-baseline.ts).
 * Each side is checked with one request first (the submit is routed to the lawyer; both sides
 * list the same page of the queue), warmed up, then measured. ops/s is the mean requests per
 * second; the load table adds p50/p99 latency and every error and unexpected status.
 *
 * Environment (defaults in brackets): SERVER_BENCH_SECONDS [20] and SERVER_BENCH_CONNECTIONS
 * [50] per side, SERVER_BENCH_WARMUP_SECONDS [3], SERVER_BENCH_ENTERPRISES [6000] and
 * SERVER_BENCH_REQUESTS [3000] for the database, SERVER_BENCH_CPU_PROF=1 to profile both servers
 * during the measured load (V8's CPU profiler, as `--cpu-prof` but without start-up and
 * warm-up; into bench/.data/server-profiles/<benchmark>-<sdk|baseline>.cpuprofile) and print
 * where their time went (bench/server-profile.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyBenchmarkDefinition, LoadBenchmarkDefinition, LoadSide } from './harness.js';
import { envCount, readFixture, type ServerFixture } from './server-dataset.js';
import { runLoad, startTarget, type LoadOptions } from './server-load.js';
import { formatProfile, summariseProfile } from './server-profile.js';
import { ACTOR_HEADER, type BenchActor } from './server-protocol.js';

const SECONDS = envCount('SERVER_BENCH_SECONDS', 20, 1);
const CONNECTIONS = envCount('SERVER_BENCH_CONNECTIONS', 50, 1);
const WARMUP_SECONDS = envCount('SERVER_BENCH_WARMUP_SECONDS', 3, 0);
const PROFILE = (process.env['SERVER_BENCH_CPU_PROF'] ?? '') !== '' && process.env['SERVER_BENCH_CPU_PROF'] !== '0';
const PROFILE_DIR = fileURLToPath(new URL('./.data/server-profiles', import.meta.url));

/** The prepared database, shared by the benchmarks of one run and removed when the run ends. */
interface Dataset {
  dir: string;
  template: string;
  fixtureFile: string;
  fixture: ServerFixture;
}

let dataset: Promise<Dataset> | undefined;

function preparedDataset(): Promise<Dataset> {
  dataset ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kechuang-server-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    console.log(`  preparing the demo database in ${dir} (the Mengchuang directory and the seeded requests, through the SDK)`);
    const target = await startTarget(['prepare', dir], { readyTimeoutMs: 15 * 60_000 });
    await target.stop();
    const fixtureFile = String(target.ready['fixture']);
    const fixture = readFixture(fixtureFile);
    const { seeded } = fixture;
    console.log(
      `  prepared in ${fixture.prepareSeconds.toFixed(1)} s: ${fixture.enterprises.toLocaleString('en-US')} enterprises, ` +
        `${seeded.requests.toLocaleString('en-US')} requests, ${seeded.lawyer} of them the lawyer's, ${seeded.lawyerQueue} in the lawyer's queue (assigned or accepted)`,
    );
    return { dir, template: String(target.ready['database']), fixtureFile, fixture };
  })();
  return dataset;
}

/** What one benchmark sends, and how to tell a right answer. */
interface HttpSpec {
  name: string;
  actor: BenchActor;
  method: LoadOptions['method'];
  path: string;
  expectStatus: number;
  body?: (fixture: ServerFixture) => unknown;
  /** Checks one answer before measuring; returns what the two sides must agree on, if anything. */
  check(answer: Record<string, unknown>, fixture: ServerFixture, side: 'sdk' | 'baseline'): string | undefined;
}

function httpBenchmark(spec: HttpSpec): LoadBenchmarkDefinition {
  const copies: string[] = [];

  async function side(kind: 'sdk' | 'baseline', data: Dataset): Promise<{ figures: LoadSide; agreed: string | undefined }> {
    const database = join(data.dir, `${spec.name}-${kind}.sqlite`);
    copyFileSync(data.template, database);
    copies.push(database);
    const profile = PROFILE ? join(PROFILE_DIR, `${spec.name}-${kind}.cpuprofile`) : undefined;
    const target = await startTarget([kind, database, data.fixtureFile], { readyTimeoutMs: 120_000 });
    let figures: LoadSide;
    let agreed: string | undefined;
    try {
      const body = spec.body ? JSON.stringify(spec.body(data.fixture)) : undefined;
      const options: LoadOptions = {
        url: `${String(target.ready['url'])}${spec.path}`,
        method: spec.method,
        headers: { [ACTOR_HEADER]: spec.actor, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body }),
        seconds: SECONDS,
        connections: CONNECTIONS,
        expectStatus: spec.expectStatus,
      };
      const response = await fetch(options.url, { method: options.method, headers: options.headers, ...(body === undefined ? {} : { body }) });
      const answer = (await response.json()) as Record<string, unknown>;
      if (response.status !== spec.expectStatus) throw new Error(`${kind}: ${spec.method} ${spec.path} answered ${response.status}, not ${spec.expectStatus}: ${JSON.stringify(answer).slice(0, 500)}`);
      agreed = spec.check(answer, data.fixture, kind);
      if (WARMUP_SECONDS > 0) await runLoad('warm-up', { ...options, seconds: WARMUP_SECONDS });
      const name = kind === 'sdk' ? '@kechuang/server' : 'bare Hono + better-sqlite3';
      if (profile) {
        mkdirSync(PROFILE_DIR, { recursive: true });
        await target.command('profile-start');
      }
      figures = await runLoad(name, options);
      if (profile) await target.command(`profile-stop ${profile}`);
      console.log(`  ${spec.name} ${name}: ${Math.round(figures.requestsPerSec).toLocaleString('en-US')} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`);
    } finally {
      await target.stop();
    }
    if (profile) {
      console.log(`\n  ${spec.name}: where the time of ${kind === 'sdk' ? "the SDK's server" : 'the baseline'} went (profiled, so slower than unprofiled; ${profile})`);
      console.log(`${formatProfile(summariseProfile(profile), 25).replace(/^/gm, '    ')}\n`);
    }
    return { figures, agreed };
  }

  return {
    name: spec.name,
    async measure() {
      const data = await preparedDataset();
      const loadAverageBefore = loadavg()[0] ?? 0;
      // Preparing the database alone keeps one core busy; past the core count, others compete.
      if (loadAverageBefore > cpus().length) {
        console.log(`  note: the 1-minute load average is ${loadAverageBefore.toFixed(1)} on ${cpus().length} cores; other work competes with the server and autocannon`);
      }
      const sdk = await side('sdk', data);
      const baseline = await side('baseline', data);
      if (sdk.agreed !== baseline.agreed) throw new Error(`${spec.name}: the two sides answered differently:\n  sdk:      ${sdk.agreed}\n  baseline: ${baseline.agreed}`);
      for (const s of [sdk.figures, baseline.figures]) {
        const wrong = s.errors + s.non2xx + s.unexpectedStatus;
        if (wrong > 0) console.log(`  ${spec.name} ${s.name}: ${s.errors} errors, ${s.non2xx} non-2xx, ${s.unexpectedStatus} not ${spec.expectStatus}`);
      }
      return { seconds: SECONDS, connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, loadAverageBefore, main: sdk.figures, baseline: baseline.figures };
    },
    async teardown() {
      for (const file of copies.splice(0)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

const QUEUE_STATES = ['assigned', 'accepted'];

export const benchmarks: AnyBenchmarkDefinition[] = [
  httpBenchmark({
    name: 'server.submit',
    actor: 'head',
    method: 'POST',
    path: '/api/requests',
    expectStatus: 201,
    body: (fixture) => fixture.submitBody,
    check(answer, fixture, side) {
      if (typeof answer['id'] !== 'string') throw new Error(`${side}: the submit answered no request id`);
      const assignee = side === 'sdk' ? answer['assigneeId'] : answer['assignee_id'];
      if (assignee !== fixture.lawyerId) throw new Error(`${side}: the submit went to ${String(assignee)}, not the lawyer`);
      return undefined;
    },
  }),
  httpBenchmark({
    name: 'server.queue',
    actor: 'lawyer',
    method: 'GET',
    path: `/api/requests?status=${QUEUE_STATES.join(',')}&limit=20`,
    expectStatus: 200,
    check(answer, fixture, side) {
      const items = answer['items'] as Record<string, unknown>[];
      const want = Math.min(20, fixture.seeded.lawyerQueue);
      if (!Array.isArray(items) || items.length !== want) throw new Error(`${side}: the queue listed ${Array.isArray(items) ? items.length : 'no'} requests, not ${want}`);
      const off = items.find((item) => !QUEUE_STATES.includes(String(item['status'])));
      if (off) throw new Error(`${side}: the queue listed a request that is ${String(off['status'])}`);
      // Both sides serve copies of one file: the same page, in the same order.
      return items.map((item) => String(item['id'])).join(',');
    },
  }),
];
