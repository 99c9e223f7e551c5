/**
 * What the HTTP benchmark and its server processes agree on: the lines a process prints when
 * it is ready and when it has carried out a command, the commands it takes on its standard
 * input (one per line; the end of the input tells it to stop), and the header that names the
 * caller.
 */

/** Printed at the start of a line, followed by JSON, when a target process is ready. */
export const READY_MARK = 'KECHUANG_BENCH_READY';

/** Printed at the start of a line, followed by JSON (`{ error }` when it failed), when a command is done. */
export const DONE_MARK = 'KECHUANG_BENCH_DONE';

/**
 * Commands a serving target takes: start the V8 CPU profiler, or stop it and write the profile
 * (`.cpuprofile` JSON) to a file. Profiling only the measured window keeps start-up and
 * warm-up out of the picture.
 */
export type TargetCommand = 'profile-start' | `profile-stop ${string}`;

/** The header naming the caller, on the SDK side and the baseline alike. */
export const ACTOR_HEADER = 'x-bench-actor';

/** The callers a benchmark may name: the station head submits, the lawyer lists their queue. */
export type BenchActor = 'head' | 'lawyer';
