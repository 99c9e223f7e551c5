/**
 * What the plugin types cost a host app's type-check: `node --import tsx bench/type-check/measure-types.ts [plugins] [--repeat=<n>]`.
 *
 * Generates two small host apps (bench/type-check/generate-project.ts) — one calling
 * `createCommunity` without plugins, one with `plugins` generated plugins (default 20), each
 * with options, two events, two request fields, a model and hooks, and reading their events
 * and fields — and runs `tsc --noEmit --extendedDiagnostics` on each against the declarations
 * of `@kechuang/community` (built with `tsc -b`, as a host compiles against the published
 * types). Prints and returns instantiations, check time and type count for both, and the
 * ratios (with plugins ÷ without). Check time is the median of `repeat` runs; the counts are
 * the same on every run.
 *
 * For humans reading numbers, like every benchmark: nothing asserts on them.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generateProject } from './generate-project.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
// Generated projects live under the repository's node_modules, so that the declarations'
// own imports (zod) resolve as they do in a host app.
const workDir = join(root, 'node_modules', '.cache', 'type-check-bench');
const declarations = join(root, 'node_modules', '.cache', 'tsc', 'community', 'index.d.ts');

/** One project's figures, from `tsc --extendedDiagnostics`. */
export interface TypeCheckMeasure {
  /** How many plugins the project installs. */
  plugins: number;
  /** Type instantiations: the usual sign of types that grow with their inputs. */
  instantiations: number;
  /** The checker's time in milliseconds (median of the runs). */
  checkTimeMs: number;
  /** Types the checker created. */
  typesCount: number;
}

/** What {@link measureTypeCheck} returns. */
export interface TypeCheckReport {
  withoutPlugins: TypeCheckMeasure;
  withPlugins: TypeCheckMeasure;
  /** `withPlugins` ÷ `withoutPlugins`, per figure. */
  ratios: { instantiations: number; checkTimeMs: number; typesCount: number };
}

/** Options of {@link measureTypeCheck}. */
export interface MeasureTypeCheckOptions {
  /** Plugins in the second project. @default 20 */
  plugins?: number;
  /** Type-checks per project; the check time is their median. @default 3 */
  repeat?: number;
  /** Where progress and the table go. @default console.log */
  log?: (line: string) => void;
}

function figure(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)(s?)\\s*$`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`type-check bench: tsc printed no "${label}" line. Its output:\n${output}`);
  return match[2] === 's' ? Number(match[1]) * 1000 : Number(match[1]);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function tscOutput(args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsc, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Writes the project for `count` plugins and type-checks it `repeat` times. */
async function measureProject(count: number, repeat: number): Promise<TypeCheckMeasure> {
  const dir = join(workDir, `${process.pid}-${count}`);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(generateProject(count, declarations))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  try {
    const runs: { instantiations: number; checkTimeMs: number; typesCount: number }[] = [];
    for (let i = 0; i < repeat; i++) {
      const { ok, output } = await tscOutput(['-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics']);
      // A generated app that does not compile measures nothing: the types of plugins are broken.
      if (!ok) throw new Error(`type-check bench: the generated app with ${count} plugins does not compile:\n${output}`);
      runs.push({ instantiations: figure(output, 'Instantiations'), checkTimeMs: figure(output, 'Check time'), typesCount: figure(output, 'Types') });
    }
    const first = runs[0];
    if (!first) throw new Error('type-check bench: repeat must be at least 1');
    return { plugins: count, instantiations: first.instantiations, checkTimeMs: median(runs.map((r) => r.checkTimeMs)), typesCount: first.typesCount };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : Math.round((a / b) * 100) / 100);

/**
 * Measures the type-check cost of plugins: a host app without plugins against one with
 * `plugins` of them. Builds the core's declarations first (`tsc -b packages/community`,
 * incremental). Throws when a generated app does not compile.
 *
 * @example
 * ```ts
 * const { withoutPlugins, withPlugins, ratios } = await measureTypeCheck({ plugins: 20 });
 * console.log(ratios.instantiations); // e.g. 1.4: twenty plugins cost 40% more instantiations
 * ```
 */
export async function measureTypeCheck(options: MeasureTypeCheckOptions = {}): Promise<TypeCheckReport> {
  const count = options.plugins ?? 20;
  const repeat = options.repeat ?? 3;
  const log = options.log ?? console.log;
  if (!Number.isInteger(count) || count < 1) throw new Error(`type-check bench: plugins must be a whole number above 0, not ${count}`);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`type-check bench: repeat must be a whole number above 0, not ${repeat}`);

  log('type-check bench: building the declarations of @kechuang/community (tsc -b) …');
  const build = await tscOutput(['-b', join(root, 'packages', 'community', 'tsconfig.json')]);
  // Errors elsewhere in the package (work in progress) still leave declarations behind.
  if (!existsSync(declarations)) throw new Error(`type-check bench: no declarations at ${declarations} after tsc -b:\n${build.output}`);
  if (!build.ok) log('type-check bench: tsc -b reported errors; measuring against the declarations it wrote anyway.');

  log(`type-check bench: 0 plugins, then ${count}, ${repeat} run(s) each …`);
  const withoutPlugins = await measureProject(0, repeat);
  const withPlugins = await measureProject(count, repeat);
  const report: TypeCheckReport = {
    withoutPlugins,
    withPlugins,
    ratios: {
      instantiations: ratio(withPlugins.instantiations, withoutPlugins.instantiations),
      checkTimeMs: ratio(withPlugins.checkTimeMs, withoutPlugins.checkTimeMs),
      typesCount: ratio(withPlugins.typesCount, withoutPlugins.typesCount),
    },
  };
  const row = (label: string, m: TypeCheckMeasure | TypeCheckReport['ratios']) =>
    `${label.padEnd(14)}${String(m.instantiations).padStart(16)}${String(m.checkTimeMs).padStart(16)}${String(m.typesCount).padStart(12)}`;
  log(`${''.padEnd(14)}${'instantiations'.padStart(16)}${'check time ms'.padStart(16)}${'types'.padStart(12)}`);
  log(row('0 plugins', withoutPlugins));
  log(row(`${count} plugins`, withPlugins));
  log(row('ratio', report.ratios));
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const repeatArg = args.find((arg) => arg.startsWith('--repeat='));
  const plugins = args.find((arg) => !arg.startsWith('--'));
  await measureTypeCheck({
    ...(plugins === undefined ? {} : { plugins: Number(plugins) }),
    ...(repeatArg === undefined ? {} : { repeat: Number(repeatArg.slice('--repeat='.length)) }),
  });
}
