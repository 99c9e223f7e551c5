/**
 * One process of the HTTP benchmarks, so that the server never shares an event loop with the
 * load generator (bench/server.bench.ts spawns it; bench/server-load.ts owns the spawning):
 *
 *   node --conditions=source --import tsx bench/server-target.ts prepare <dir>
 *     writes <dir>/template.sqlite and <dir>/fixture.json (bench/server-dataset.ts), then exits
 *   node --conditions=source --import tsx bench/server-target.ts sdk <database> <fixture.json>
 *     serves `createServer` from @kechuang/server on the database, with `serve` from
 *     @kechuang/server/node on 127.0.0.1 and a free port
 *   node --conditions=source --import tsx bench/server-target.ts baseline <database> <fixture.json>
 *     serves the bare Hono app of bench/server-baseline.ts on the database likewise
 *
 * Each prints `KECHUANG_BENCH_READY <json>` on a line of its own when it is ready (the URL, or
 * the fixture's path) and ends when its standard input closes: the benchmark closes it when it
 * is done, and the operating system does when the benchmark dies, so no server outlives a run.
 * SIGTERM and SIGINT end it too. A serving target also takes the profiling commands of
 * server-protocol.ts on its standard input, one per line, and answers each with
 * `KECHUANG_BENCH_DONE <json>`.
 *
 * The SDK side names its caller by the `x-bench-actor` header (`head`: the station head who
 * submits, `lawyer`: the legal station's lawyer whose queue is listed), mapped to fixed member
 * actors, so no sign-in lookup adds to what is measured. The rate limit is off; no worker runs,
 * so outbox and timer rows accumulate untouched, as they would between two worker polls.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createInterface } from 'node:readline';
import { serve as serveHono } from '@hono/node-server';
import { createCommunity, type Actor } from '@kechuang/community';
import { createServer } from '@kechuang/server';
import { serve } from '@kechuang/server/node';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { baselineApp } from './server-baseline.js';
import { datasetSizeFromEnv, prepareServerDataset, readFixture, writeFixture } from './server-dataset.js';
import { ACTOR_HEADER, DONE_MARK, READY_MARK } from './server-protocol.js';

type Stop = () => Promise<void>;

const [kind, first, second] = process.argv.slice(2);

async function main(): Promise<void> {
  if (kind === 'prepare' && first) return prepare(first);
  if ((kind === 'sdk' || kind === 'baseline') && first && second) {
    if (!existsSync(first)) throw new Error(`no database at ${first}: run the prepare step first`);
    const stop = kind === 'sdk' ? await serveSdk(first, second) : await serveBaseline(first, second);
    followStdin(stop);
    return;
  }
  throw new Error('usage: server-target.ts prepare <dir> | sdk <database> <fixture.json> | baseline <database> <fixture.json>');
}

async function prepare(dir: string): Promise<void> {
  const database = `${dir}/template.sqlite`;
  const fixtureFile = `${dir}/fixture.json`;
  if (existsSync(database)) throw new Error(`${database} exists already; the benchmark prepares a fresh directory each run`);
  const fixture = await prepareServerDataset(database, datasetSizeFromEnv());
  writeFixture(fixtureFile, fixture);
  console.log(`${READY_MARK} ${JSON.stringify({ database, fixture: fixtureFile })}`);
}

async function serveSdk(database: string, fixtureFile: string): Promise<Stop> {
  const fixture = readFixture(fixtureFile);
  const storage = sqliteStorage({ filename: database });
  const community = createCommunity({ storage });
  const actors = new Map<string, Actor>([
    ['head', { kind: 'member', officeId: fixture.officeId, memberId: fixture.stationHeadId }],
    ['lawyer', { kind: 'member', officeId: fixture.officeId, memberId: fixture.lawyerId }],
  ]);
  const server = createServer({
    community,
    resolveActor: (request) => actors.get(request.headers.get(ACTOR_HEADER) ?? '') ?? null,
    rateLimit: false,
  });
  const running = await serve(server, { hostname: '127.0.0.1', port: 0 });
  console.log(`${READY_MARK} ${JSON.stringify({ url: running.url })}`);
  return async () => {
    await running.close();
    await storage.close?.();
  };
}

async function serveBaseline(database: string, fixtureFile: string): Promise<Stop> {
  const { app, close } = baselineApp(database, readFixture(fixtureFile));
  const node = await new Promise<ReturnType<typeof serveHono>>((resolve, reject) => {
    const listening = serveHono({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      console.log(`${READY_MARK} ${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}`);
      resolve(listening);
    });
    listening.once('error', reject);
  });
  return async () => {
    await new Promise<void>((done) => node.close(() => done()));
    close();
  };
}

/** Carries out the commands on standard input, and stops when it closes or on a signal. */
function followStdin(stop: Stop): void {
  let stopping = false;
  let profiler: Session | undefined;
  const done = (result: Record<string, unknown>): void => console.log(`${DONE_MARK} ${JSON.stringify(result)}`);
  const run = async (line: string): Promise<Record<string, unknown>> => {
    if (line === 'profile-start') {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      return {};
    }
    if (line.startsWith('profile-stop ') && profiler) {
      const file = line.slice('profile-stop '.length);
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      writeFileSync(file, JSON.stringify(profile));
      return { file };
    }
    return { error: `unknown command or no profile running: ${line}` };
  };
  const end = (): void => {
    if (stopping) return;
    stopping = true;
    // A client that keeps a connection open must not keep the process alive.
    setTimeout(() => process.exit(0), 3000);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.stdin.on('error', end);
  createInterface({ input: process.stdin })
    .on('line', (line) => {
      run(line.trim()).then(done, (error: unknown) => done({ error: error instanceof Error ? error.message : String(error) }));
    })
    .on('close', end);
  process.once('SIGTERM', end);
  process.once('SIGINT', end);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
