import type { TypeCheckReport } from './type-check/measure-types.js';

/**
 * Benchmark contract for `npm run bench`.
 *
 * Every `bench/*.bench.ts` file exports `benchmarks: BenchmarkDefinition[]`. bench/run.ts
 * discovers them, filters by name prefix, and measures each benchmark together with its
 * baseline in alternating rounds (so machine noise hits both alike), then reports the ratio.
 * A file may also export load benchmarks that measure themselves ({@link LoadBenchmarkDefinition},
 * e.g. bench/server.bench.ts), typed together as `AnyBenchmarkDefinition[]`.
 *
 * ```ts
 * import type { BenchmarkDefinition } from './harness.js';
 * export const benchmarks: BenchmarkDefinition[] = [
 *   {
 *     name: 'core.submit',
 *     async setup() { ... },          // once, before any measurement
 *     async fn() { ... },             // the measured operation (one call = one op)
 *     baseline: { name: 'raw storage insert', fn() { ... } },
 *     async teardown() { ... },       // once, after benchmark and baseline finished
 *   },
 * ];
 * ```
 */
export interface BenchmarkDefinition {
  /** Unique across all bench files; `npm run bench -- <prefix>` selects by prefix. */
  name: string;
  /** Runs once before the first measurement (not timed). */
  setup?(): Promise<void>;
  /** One operation (or `opsPerCall` of them). Called many times; keep per-call state outside or reset it cheaply. */
  fn(): Promise<void> | void;
  /** How many operations one call of `fn` does, e.g. 8 concurrent submitters × 8 submits. @default 1 */
  opsPerCall?: number;
  /** What `fn` is compared with; measured in the same run, interleaved with `fn`. */
  baseline?: {
    name: string;
    /** Runs once, after the benchmark's own `setup` (not timed). */
    setup?(): Promise<void>;
    fn(): Promise<void> | void;
    /** As for the benchmark's own `opsPerCall`. @default 1 */
    opsPerCall?: number;
  };
  /**
   * For slow operations (a call takes a tenth of a second or more), where the time budget
   * (`--time`) would stretch to minimum call counts: a fixed number of calls instead. Each side
   * makes `callsPerRound` timed calls in each of `rounds` alternating rounds, after
   * `warmupCalls` untimed calls each before the first round (besides the one untimed probe
   * call every benchmark gets).
   * @default by time: 6 rounds sharing `--time`, at least 5 calls per round, tinybench's warm-up
   * @example
   * ```ts
   * fixedCalls: { rounds: 3, callsPerRound: 2 } // 6 timed calls per side, interleaved A B, B A, A B
   * ```
   */
  fixedCalls?: { rounds: number; callsPerRound: number; warmupCalls?: number };
  /** Runs once after the benchmark and its baseline finished (also after a failure). */
  teardown?(): Promise<void>;
}

/**
 * A benchmark that measures itself instead of being timed call by call: an HTTP load test, say,
 * that drives a server in another process. `measure` runs both sides and returns their figures;
 * the runner reports the main side's requests per second as its ops/s, the baseline's as the
 * baseline's, and keeps the rest under `load` in bench/results/latest.json.
 *
 * @example
 * ```ts
 * export const benchmarks: AnyBenchmarkDefinition[] = [
 *   { name: 'server.submit', async measure() { return { seconds: 20, connections: 50, warmupSeconds: 3, loadAverageBefore: 0.4, main, baseline } } },
 * ];
 * ```
 */
export interface LoadBenchmarkDefinition {
  /** Unique across all bench files, as for {@link BenchmarkDefinition}. */
  name: string;
  /** Runs once before `measure` (not timed). */
  setup?(): Promise<void>;
  measure(): Promise<LoadMeasurement>;
  /** Runs once after `measure` (also after a failure). */
  teardown?(): Promise<void>;
}

/** What a bench file may export in `benchmarks`. */
export type AnyBenchmarkDefinition = BenchmarkDefinition | LoadBenchmarkDefinition;

/** One side of a load test, e.g. the SDK's server or the bare framework. */
export interface LoadSide {
  name: string;
  /** Mean of the per-second request counts. */
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses received. */
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses with a status outside 200–299. */
  non2xx: number;
  /** Responses with a status other than the one expected (e.g. 200 where 201 is expected). */
  unexpectedStatus: number;
}

/** The figures of a {@link LoadBenchmarkDefinition}: both sides under the same load. */
export interface LoadMeasurement {
  seconds: number;
  connections: number;
  warmupSeconds: number;
  /** The 1-minute load average when the benchmark began: near or above the core count, other work competed for the CPU. */
  loadAverageBefore: number;
  main: LoadSide;
  baseline: LoadSide;
}

/** One entry of bench/results/latest.json. */
export interface BenchmarkResult {
  name: string;
  opsPerSec: number;
  baselineName?: string;
  baselineOpsPerSec?: number;
  /** opsPerSec / baselineOpsPerSec */
  ratio?: number;
  /** The full figures of a load benchmark. */
  load?: LoadMeasurement;
}

/** The shape of bench/results/latest.json. */
export interface BenchmarkReport {
  benchmarks: BenchmarkResult[];
  /** What plugin types cost a host's type-check (bench/type-check), when `types` was selected. */
  typeCheck?: TypeCheckReport;
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; platform: string; arch: string; node: string };
}
