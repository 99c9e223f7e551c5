/**
 * Checks that the repository could be released now, without changing the tree:
 * `npm run release:check`.
 *
 *   1. `npm run build`, then `npm run check:packages -- --no-build` (the tarballs npm would
 *      publish: publint and Are The Types Wrong?);
 *   2. `changeset status --verbose`: the pending changesets and the bump each package gets;
 *   3. `changeset version` in a throwaway copy (scripts/changeset-version-dry-run.ts): every
 *      package's old and new version, the dependency ranges rewritten, and proof that each
 *      bumped package gets a CHANGELOG.md carrying its changesets' text.
 * A major bump that no changeset asked for (a peer dependency range the new version leaves)
 * is printed as a warning: it is usually a range to widen, not a breaking change.
 *
 * Options:
 *   --skip-build          skip step 1 (the build and the package check)
 *   --version-only        run step 3 alone
 *   --bump <pkg>:<type>   version this bump instead of the pending changesets; repeatable,
 *                         e.g. `--bump @kechuang/community:minor` to see what a core minor
 *                         does to the packages that depend on it
 *   --json                with --version-only: print the dry run as JSON
 *   --root <dir>          the monorepo to check (default: this repository)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogProblems, changesetVersionDryRun, workspaceDirs, type DryRun } from './changeset-version-dry-run.js';

const repository = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const values = (name: string): string[] => args.flatMap((arg, index) => (arg === name && args[index + 1] ? [args[index + 1] ?? ''] : []));
const root = resolve(values('--root')[0] ?? repository);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(title: string, command: string, commandArgs: string[]): void {
  console.log(`\n==> ${title}: ${[command, ...commandArgs].join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nrelease:check failed at "${title}" (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** The files `changeset version` writes, with their contents: to prove the check wrote none. */
function releaseFiles(): Map<string, string> {
  const paths = ['.', ...workspaceDirs(root)].flatMap((dir) => ['package.json', 'CHANGELOG.md'].map((file) => join(dir, file)));
  paths.push(...readdirSync(join(root, '.changeset')).map((name) => join('.changeset', name)));
  return new Map(paths.filter((path) => existsSync(join(root, path))).map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

function changedSince(before: ReadonlyMap<string, string>): string[] {
  const after = releaseFiles();
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

/** Synthetic changesets from `--bump pkg:type` flags. */
function bumpChangesets(): Record<string, string> | undefined {
  const bumps = values('--bump');
  if (bumps.length === 0) return undefined;
  const lines = bumps.map((bump) => {
    const match = /^(.+):(major|minor|patch)$/.exec(bump);
    if (!match) {
      console.error(`--bump ${bump}: write it as <package>:<major|minor|patch>, e.g. @kechuang/community:minor`);
      process.exit(2);
    }
    return `'${match[1]}': ${match[2]}`;
  });
  return { 'release-check-bump.md': `---\n${lines.join('\n')}\n---\n\nA bump requested with release:check --bump.\n` };
}

function printDryRun(dryRun: DryRun): string[] {
  const bumped = dryRun.packages.filter((pkg) => pkg.bump !== 'none');
  console.log(`\n${dryRun.changesets.length} changeset(s); a release would bump ${bumped.length} package(s):`);
  for (const pkg of bumped) {
    const entries = pkg.changelog === null ? 'no CHANGELOG.md' : 'CHANGELOG.md written';
    const cause = pkg.declared === pkg.bump ? '' : ` (${pkg.declared === 'none' ? 'no changeset of its own' : `its changesets ask ${pkg.declared}`}; raised by a dependency)`;
    console.log(`  ${pkg.name.padEnd(36)} ${pkg.oldVersion} → ${pkg.newVersion.padEnd(8)} ${pkg.bump.padEnd(6)} ${entries}${cause}`);
  }
  const rewritten = dryRun.packages.filter((pkg) => pkg.rangeChanges.length > 0);
  if (rewritten.length > 0) {
    console.log('\nDependency ranges the release rewrites:');
    for (const pkg of rewritten) console.log(`  ${pkg.name}: ${pkg.rangeChanges.join(', ')}`);
  }
  const forced = dryRun.packages.filter((pkg) => pkg.bump === 'major' && pkg.declared !== 'major');
  for (const pkg of forced) {
    const peers = pkg.rangeChanges.filter((change) => change.startsWith('peerDependencies.'));
    console.warn(
      `\nWARNING: ${pkg.name} would be released as ${pkg.newVersion} (major) though no changeset asks for it: ` +
        `the new version leaves its peer range (${peers.join(', ') || 'see above'}). ` +
        'If the package still works with it, widen the peer range (e.g. ">=0.0.0 <1.0.0") so the release keeps it on its own bump.',
    );
  }
  return changelogProblems(dryRun);
}

const versionOnly = flag('--version-only');
const before = releaseFiles();
if (!versionOnly && !flag('--skip-build')) {
  run('build', npm, ['run', 'build']);
  run('package check', npm, ['run', 'check:packages', '--', '--no-build']);
}
if (!versionOnly) run('pending changesets', process.execPath, [resolve(repository, 'node_modules/@changesets/cli/bin.js'), 'status', '--verbose']);

const changesets = bumpChangesets();
if (!flag('--json')) console.log('\n==> changeset version, in a throwaway copy of the repository');
const dryRun = changesetVersionDryRun({ root, toolsRoot: repository, ...(changesets ? { changesets } : {}) });
const changed = changedSince(before);
if (changed.length > 0) {
  // Another engineer's edit in a shared checkout looks the same; the message says so.
  console.error(`\nrelease:check failed: these release files changed while it ran (by it, or by someone editing them):\n${changed.map((path) => `  ${path}`).join('\n')}`);
  process.exit(1);
}
if (flag('--json')) {
  console.log(JSON.stringify(dryRun, null, 2));
  process.exit(changelogProblems(dryRun).length === 0 ? 0 : 1);
}
const problems = printDryRun(dryRun);
if (problems.length > 0) {
  console.error(`\nrelease:check failed: the generated changelogs are incomplete:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
const checked = versionOnly || flag('--skip-build') ? '' : 'the packages build and pack cleanly, and ';
console.log(`\nrelease:check passed: ${checked}\`changeset version\` would write the versions and changelogs above. Nothing in the tree was changed.`);
