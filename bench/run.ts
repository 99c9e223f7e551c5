/**
 * Benchmark runner: `npm run bench -- [prefix ...] [--time=<ms>]`
 * (= `node --conditions=source --import tsx bench/run.ts`, so workspace packages run from source).
 *
 * - Discovers `bench/*.bench.ts`; each exports `benchmarks: BenchmarkDefinition[]` (bench/harness.ts).
 * - Keeps the benchmarks whose name starts with one of the given prefixes (all when none);
 *   exits 1 listing the available names when nothing matches.
 * - Measures each benchmark and its baseline with tinybench in ROUNDS alternating rounds
 *   (A B, B A, A B, ...) so drift and machine noise affect both equally. `--time` is the
 *   measuring time per side (default 2000 ms, or BENCH_TIME_MS), split across the rounds.
 *   ops/s = total calls / total measured time over all rounds. A benchmark with `fixedCalls`
 *   (slow operations) makes that many calls per round instead, in its own number of rounds.
 * - A load benchmark (`measure` instead of `fn`, see LoadBenchmarkDefinition) measures itself,
 *   e.g. an HTTP server under autocannon; its ops/s are the requests per second of each side,
 *   and its latencies and error counts are printed in a second table and kept under `load`.
 * - Prints a table and writes bench/results/latest.json:
 *   { benchmarks: [{ name, opsPerSec, baselineName?, baselineOpsPerSec?, ratio?, load? }], date, machine }
 *   where ratio = opsPerSec / baselineOpsPerSec (> 1: faster than the baseline).
 *
 * Benchmarks are for humans reading numbers; tests never assert on timings.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { measureTypeCheck } from './type-check/measure-types.js';
import type { AnyBenchmarkDefinition, BenchmarkDefinition, BenchmarkReport, BenchmarkResult, LoadSide } from './harness.js';

const ROUNDS = 6;
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = join(benchDir, 'results', 'latest.json');

const args = process.argv.slice(2);
const timeArg = args.find((arg) => arg.startsWith('--time='));
const timePerSideMs = Number(timeArg?.slice('--time='.length) ?? process.env['BENCH_TIME_MS'] ?? 2000);
if (!Number.isFinite(timePerSideMs) || timePerSideMs <= 0) {
  console.error(`bench: --time must be a positive number of milliseconds, got ${timeArg ?? process.env['BENCH_TIME_MS']}`);
  process.exit(1);
}
const prefixes = args.filter((arg) => !arg.startsWith('--'));

// ---- discovery --------------------------------------------------------------------------

const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
if (files.length === 0) {
  console.error(`bench: no bench/*.bench.ts files found in ${benchDir}`);
  process.exit(1);
}

const all: { file: string; def: AnyBenchmarkDefinition }[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { benchmarks?: unknown };
  if (!Array.isArray(mod.benchmarks)) {
    console.error(`bench: ${file} must export \`benchmarks: BenchmarkDefinition[]\``);
    process.exit(1);
  }
  for (const def of mod.benchmarks as AnyBenchmarkDefinition[]) {
    const clash = all.find((entry) => entry.def.name === def.name);
    if (clash) {
      console.error(`bench: duplicate benchmark name "${def.name}" in ${clash.file} and ${file}`);
      process.exit(1);
    }
    all.push({ file, def });
  }
}

const selected = prefixes.length === 0 ? all : all.filter(({ def }) => prefixes.some((p) => def.name.startsWith(p)));
// The type-check cost of plugins is measured by running tsc, not by timing calls.
const TYPE_CHECK = 'types.plugins-20';
const typeCheckSelected = prefixes.length === 0 || prefixes.some((p) => TYPE_CHECK.startsWith(p));
if (selected.length === 0 && !typeCheckSelected) {
  console.error(`bench: no benchmark name starts with ${prefixes.map((p) => `"${p}"`).join(' or ')}.`);
  console.error('Available benchmarks:');
  for (const { file, def } of all) console.error(`  ${def.name}  (${file})`);
  console.error(`  ${TYPE_CHECK}  (type-check/measure-types.ts)`);
  process.exit(1);
}

// ---- measuring --------------------------------------------------------------------------

interface Totals {
  runs: number;
  timeMs: number;
  perRound: number[];
}

const roundMs = timePerSideMs / ROUNDS;
const timed = selected.some(({ def }) => !('measure' in def));
console.log(
  `bench: ${selected.length} benchmark(s)${timed ? `, ${ROUNDS} alternating rounds of ${Math.round(roundMs)} ms per side` : ''}, node ${process.version}\n`,
);

const results: BenchmarkResult[] = [];
const spreads = new Map<string, string>();
let failures = 0;

for (const [index, { file, def }] of selected.entries()) {
  const label = `[${index + 1}/${selected.length}] ${def.name}`;
  process.stdout.write(`${label} (${file})${'baseline' in def && def.baseline ? ` vs ${def.baseline.name}` : ''}: setup`);
  try {
    if ('measure' in def) {
      await def.setup?.();
      process.stdout.write(', measuring\n');
      const load = await def.measure();
      const entry: BenchmarkResult = {
        name: def.name,
        opsPerSec: load.main.requestsPerSec,
        baselineName: load.baseline.name,
        baselineOpsPerSec: load.baseline.requestsPerSec,
        ratio: load.main.requestsPerSec / load.baseline.requestsPerSec,
        load,
      };
      results.push(entry);
      console.log(`${label} done: ${fmtOps(entry.opsPerSec)} req/s (${fmtRatio(entry.ratio ?? Number.NaN)} of baseline)`);
      continue;
    }
    const rounds = roundsOf(def);
    await def.setup?.();
    await def.baseline?.setup?.();

    // One untimed call each: catches a broken fn with a clear error before measuring, and
    // tells tinybench whether the fn is async (so it does not make its own exploratory call).
    const mainAsync = await probe(def.fn);
    const baselineAsync = def.baseline ? await probe(def.baseline.fn) : false;

    const main: Totals = { runs: 0, timeMs: 0, perRound: [] };
    const base: Totals = { runs: 0, timeMs: 0, perRound: [] };
    process.stdout.write(def.fixedCalls ? `, ${rounds} rounds of ${def.fixedCalls.callsPerRound} call(s) per side:` : ', rounds');
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench(benchOptions(def, round));
      const tasks: [string, BenchmarkDefinition['fn'], boolean, Totals][] = [['main', def.fn, mainAsync, main]];
      if (def.baseline) tasks.push(['baseline', def.baseline.fn, baselineAsync, base]);
      if (round % 2 === 1) tasks.reverse();
      for (const [name, fn, async] of tasks) bench.add(name, fn, { async });
      await bench.run();
      for (const [name, , , totals] of tasks) {
        const result = bench.getTask(name)?.result;
        if (!result || !('totalTime' in result)) throw new Error(`${name} produced no statistics (${result?.state})`);
        // A call may do several operations (e.g. concurrent submitters); count operations.
        const runs = (bench.getTask(name)?.runs ?? 0) * (name === 'main' ? (def.opsPerCall ?? 1) : (def.baseline?.opsPerCall ?? 1));
        totals.runs += runs;
        totals.timeMs += result.totalTime;
        totals.perRound.push((runs / result.totalTime) * 1000);
      }
      process.stdout.write(` ${round + 1}`);
    }

    const entry: BenchmarkResult = { name: def.name, opsPerSec: opsPerSec(main) };
    if (def.baseline) {
      entry.baselineName = def.baseline.name;
      entry.baselineOpsPerSec = opsPerSec(base);
      entry.ratio = entry.opsPerSec / entry.baselineOpsPerSec;
      const ratios = main.perRound.map((ops, i) => ops / (base.perRound[i] ?? Number.NaN));
      spreads.set(def.name, `${fmtRatio(Math.min(...ratios))}–${fmtRatio(Math.max(...ratios))}`);
    }
    results.push(entry);
    process.stdout.write(
      `, done: ${fmtOps(entry.opsPerSec)} ops/s${entry.ratio === undefined ? '' : ` (${fmtRatio(entry.ratio)} of baseline)`}\n`,
    );
  } catch (error) {
    failures++;
    process.stdout.write(', FAILED\n');
    console.error(`  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    try {
      await def.teardown?.();
    } catch (error) {
      failures++;
      console.error(`  teardown of ${def.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

// ---- report -----------------------------------------------------------------------------

const header = ['benchmark', 'ops/s', 'baseline', 'baseline ops/s', 'ratio', 'ratio per round'];
const rows = results.map((r) => [
  r.name,
  fmtOps(r.opsPerSec),
  r.baselineName ?? '-',
  r.baselineOpsPerSec === undefined ? '-' : fmtOps(r.baselineOpsPerSec),
  r.ratio === undefined ? '-' : fmtRatio(r.ratio),
  spreads.get(r.name) ?? '-',
]);
const numeric = new Set([1, 3, 4]);
const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? '').length)));
const line = (cells: string[]): string =>
  cells.map((cell, col) => (numeric.has(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));
console.log('\nratio = ops/s ÷ baseline ops/s (> 1 is faster than the baseline)');
printLoadTable(results);

let typeCheck: BenchmarkReport['typeCheck'];
if (typeCheckSelected) {
  console.log(`\n${TYPE_CHECK}: tsc --extendedDiagnostics on a host app with 0 and with 20 generated plugins`);
  try {
    typeCheck = await measureTypeCheck({ plugins: 20 });
  } catch (error) {
    failures += 1;
    console.error(`bench: ${TYPE_CHECK} failed:`, error);
  }
}

const cpu = cpus();
const report: BenchmarkReport = {
  benchmarks: results,
  ...(typeCheck ? { typeCheck } : {}),
  date: new Date().toISOString(),
  machine: {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1e9),
    platform: process.platform,
    arch: process.arch,
    node: process.version,
  },
};
if (results.length > 0 || typeCheck) {
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${relative(process.cwd(), resultsFile)}`);
} else {
  console.log(`no results; ${relative(process.cwd(), resultsFile)} left unchanged`);
}

if (failures > 0) {
  console.error(`bench: ${failures} benchmark(s) failed`);
  process.exit(1);
}

// ---- helpers ----------------------------------------------------------------------------

function roundsOf(def: BenchmarkDefinition): number {
  const fixed = def.fixedCalls;
  if (!fixed) return ROUNDS;
  const counts = [fixed.rounds, fixed.callsPerRound, fixed.warmupCalls ?? 0];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || fixed.rounds < 1 || fixed.callsPerRound < 1) {
    throw new Error(`fixedCalls of ${def.name} needs whole numbers: rounds ≥ 1, callsPerRound ≥ 1, warmupCalls ≥ 0`);
  }
  return fixed.rounds;
}

function benchOptions(def: BenchmarkDefinition, round: number): ConstructorParameters<typeof Bench>[0] {
  const fixed = def.fixedCalls;
  if (!fixed) return { time: roundMs, iterations: 5, warmup: round === 0, throws: true };
  const warmupCalls = round === 0 ? (fixed.warmupCalls ?? 0) : 0;
  // With no time budget tinybench stops after exactly `iterations` calls, however long they take.
  return { time: 0, iterations: fixed.callsPerRound, warmup: warmupCalls > 0, warmupTime: 0, warmupIterations: warmupCalls, throws: true };
}

async function probe(fn: BenchmarkDefinition['fn']): Promise<boolean> {
  const value: unknown = fn();
  const isAsync = typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';
  if (isAsync) await value;
  return isAsync;
}

function opsPerSec(totals: Totals): number {
  return totals.timeMs > 0 ? (totals.runs / totals.timeMs) * 1000 : 0;
}

function fmtOps(value: number): string {
  // Three significant digits below 1 op/s, where two decimals would leave one or none.
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
}

function fmtRatio(value: number): string {
  return `${value.toFixed(2)}×`;
}

/** Both sides of every load benchmark: throughput, latency and what went wrong. */
function printLoadTable(all: BenchmarkResult[]): void {
  const loads = all.filter((r) => r.load);
  if (loads.length === 0) return;
  const head = ['load benchmark', 'side', 'req/s', 'p50 ms', 'p99 ms', 'responses', 'errors', 'non-2xx', 'unexpected'];
  const side = (name: string, s: LoadSide): string[] => [
    name,
    s.name,
    fmtOps(s.requestsPerSec),
    fmtMs(s.p50Ms),
    fmtMs(s.p99Ms),
    s.requests.toLocaleString('en-US'),
    String(s.errors),
    String(s.non2xx),
    String(s.unexpectedStatus),
  ];
  const body = loads.flatMap((r) => [side(r.name, r.load!.main), side('', r.load!.baseline)]);
  const w = head.map((h, col) => Math.max(h.length, ...body.map((row) => (row[col] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((cell, col) => (col >= 2 ? cell.padStart(w[col]!) : cell.padEnd(w[col]!))).join('  ');
  const { seconds, connections, warmupSeconds } = loads[0]!.load!;
  const busiest = Math.max(...loads.map((r) => r.load!.loadAverageBefore));
  console.log(`\nload: ${seconds} s and ${connections} connections per side after a ${warmupSeconds} s warm-up; 1-minute load average before, at most ${busiest.toFixed(1)}`);
  console.log(`${fmt(head)}\n${w.map((n) => '-'.repeat(n)).join('  ')}`);
  for (const row of body) console.log(fmt(row));
}

function fmtMs(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(2);
}
