/**
 * What the HTTP benchmark and its server processes agree on: the line a process prints when
 * it is ready, and the header that names the caller.
 */

/** Printed at the start of a line, followed by JSON, when a target process is ready. */
export const READY_MARK = 'KECHUANG_BENCH_READY';

/** The header naming the caller, on the SDK side and the baseline alike. */
export const ACTOR_HEADER = 'x-bench-actor';

/** The callers a benchmark may name: the station head submits, the lawyer lists their queue. */
export type BenchActor = 'head' | 'lawyer';
