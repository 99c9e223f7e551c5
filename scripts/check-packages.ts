/**
 * Checks what we would publish: `npm run check:packages`.
 *
 * Build policy: the script ALWAYS runs the root `npm run build` first, so the check sees the
 * dist that matches the current sources (a stale dist is the classic way to publish a broken
 * package). Pass `--no-build` to skip it when the build has just run (CI does this).
 *
 * Then, for every publishable package (packages/* whose package.json is not `private`):
 *   0. the dist sourcemaps must list only the package's own src/ files (no other workspace
 *      package or devDependency bundled in by a relative import);
 *   1. `npm pack --json` into a temporary directory: the exact tarball npm would publish;
 *   2. publint on that tarball (JS API, `pack: { tarball }`), strict: warnings count as
 *      errors, suggestions are printed only;
 *   3. `attw <tarball> --format ascii` (Are The Types Wrong?). ESM-only packages use
 *      `--profile esm-only`; packages that also ship CJS (a `require` condition) use
 *      `--profile node16` (node16 + bundler resolution, CJS and ESM consumers; the legacy
 *      `node10` resolution, which cannot see `exports` subpaths, is not a target).
 * Prints a per-package summary and exits 1 if any package has a problem.
 *
 * Options: --no-build, and package names or directory names to check only those
 * (e.g. `npm run check:packages -- community`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: unknown;
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}

interface Report {
  name: string;
  tarball?: string;
  problems: string[];
  notes: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const only = args.filter((arg) => !arg.startsWith('--'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const attwBin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'attw.cmd' : 'attw');

const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
  .map((entry) => {
    const dir = join(root, 'packages', entry.name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    return { dir, folder: entry.name, manifest };
  })
  .filter(({ manifest }) => !manifest.private)
  .filter(({ folder, manifest }) => only.length === 0 || only.includes(folder) || only.includes(manifest.name));

if (packages.length === 0) {
  console.error(`check:packages: no publishable package matches ${only.join(', ') || '(any)'}`);
  process.exit(1);
}

if (skipBuild) {
  console.log('==> skipping build (--no-build)');
} else {
  console.log('==> npm run build');
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('check:packages: the build failed');
    process.exit(1);
  }
}

const packDir = mkdtempSync(join(tmpdir(), 'kechuang-pack-'));
const reports: Report[] = [];
try {
  for (const [index, pkg] of packages.entries()) {
    console.log(`\n==> [${index + 1}/${packages.length}] ${pkg.manifest.name} (${relative(root, pkg.dir)})`);
    reports.push(await checkPackage(pkg.dir, pkg.manifest));
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}

console.log('\n==> Summary');
for (const report of reports) {
  const status = report.problems.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`  ${status} ${report.name}${report.tarball ? `  ${report.tarball}` : ''}`);
  for (const problem of report.problems) console.log(`         - ${problem}`);
}
const failed = reports.filter((report) => report.problems.length > 0);
if (failed.length > 0) {
  console.error(`\ncheck:packages: ${failed.length} of ${reports.length} package(s) have problems`);
  process.exit(1);
}
console.log(`\ncheck:packages: all ${reports.length} package(s) ok`);

async function checkPackage(dir: string, manifest: Manifest): Promise<Report> {
  const report: Report = { name: manifest.name, problems: [], notes: [] };

  if (!existsSync(join(dir, 'dist'))) {
    report.problems.push('no dist/ directory: run `npm run build` (or drop --no-build)');
    return report;
  }

  // 0. bundle contents: every source a sourcemap lists must be this package's own src/
  //    (dependencies are external; anything else means a cross-package relative import
  //    or a bundled devDependency).
  const foreign = foreignSources(dir);
  if (foreign.length > 0) {
    report.problems.push(
      `dist bundles code from outside src/ (import it by package name instead): ${foreign.slice(0, 5).join(', ')}${
        foreign.length > 5 ? `, and ${foreign.length - 5} more` : ''
      }`,
    );
  }

  // 1. pack
  console.log('  - npm pack');
  let packed: PackResult;
  try {
    const stdout = execFileSync(npm, ['pack', '--json', '--pack-destination', packDir], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const parsed = JSON.parse(stdout.slice(stdout.indexOf('['))) as PackResult[];
    if (!parsed[0]) throw new Error('npm pack printed no result');
    packed = parsed[0];
  } catch (error) {
    report.problems.push(`npm pack failed: ${error instanceof Error ? error.message : String(error)}`);
    return report;
  }
  const tarball = join(packDir, packed.filename);
  report.tarball = `${packed.filename}, ${packed.entryCount} files, ${(packed.size / 1000).toFixed(1)} kB packed`;
  console.log(`    ${report.tarball}, ${(packed.unpackedSize / 1000).toFixed(1)} kB unpacked`);

  // 2. publint on the tarball
  console.log('  - publint');
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  if (messages.length === 0) console.log('    no issues');
  for (const message of messages) {
    const text = formatMessage(message, pkg, { color: false }) ?? message.code;
    console.log(`    ${message.type}: ${text}`);
    if (message.type !== 'suggestion') report.problems.push(`publint ${message.type}: ${text}`);
  }

  // 3. attw on the tarball
  const profile = shipsCommonJs(manifest.exports) ? 'node16' : 'esm-only';
  console.log(`  - attw --profile ${profile}`);
  const attw = spawnSync(attwBin, [tarball, '--format', 'ascii', '--profile', profile, '--no-color', '--no-emoji'], {
    cwd: root,
    encoding: 'utf8',
  });
  const attwOutput = `${attw.stdout ?? ''}${attw.stderr ?? ''}`.trim();
  for (const line of attwOutput.split('\n')) console.log(`    ${line}`);
  if (attw.error) report.problems.push(`attw could not run: ${attw.error.message}`);
  else if (attw.status !== 0) report.problems.push(`attw (${profile}) reported problems (see above)`);

  return report;
}

/** Files outside `<dir>/src` that the dist sourcemaps say were bundled, relative to the repo root. */
function foreignSources(dir: string): string[] {
  const src = join(dir, 'src') + sep;
  const found = new Set<string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.map')) {
        const map = JSON.parse(readFileSync(path, 'utf8')) as { sources?: string[]; sourceRoot?: string };
        for (const source of map.sources ?? []) {
          const file = resolve(dirname(path), map.sourceRoot ?? '', source);
          if (!file.startsWith(src)) found.add(relative(root, file));
        }
      }
    }
  };
  walk(join(dir, 'dist'));
  // Workspace files first: they are the likely mistake (a relative import of another package).
  const inNodeModules = (file: string): number => (file.includes('node_modules') ? 1 : 0);
  return [...found].sort((a, b) => inNodeModules(a) - inNodeModules(b) || a.localeCompare(b));
}

/** Whether any entry of the exports map has a `require` condition. */
function shipsCommonJs(exportsField: unknown): boolean {
  if (exportsField === null || typeof exportsField !== 'object') return false;
  return Object.entries(exportsField).some(([key, value]) => key === 'require' || shipsCommonJs(value));
}
