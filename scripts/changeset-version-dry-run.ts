/**
 * `changeset version` in a throwaway copy of the repository, so a release can be previewed
 * (versions, rewritten ranges, generated CHANGELOG.md files) without touching the tree.
 *
 * The copy holds only what changesets reads and writes: the root package.json, `.changeset/`,
 * and each workspace's package.json and CHANGELOG.md. Its node_modules is a symlink to the
 * repository's, so the changelog generator and prettier resolve as they do for a real release.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

type Ranges = Record<string, string>;
type Bump = 'major' | 'minor' | 'patch' | 'none';
const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Ranges;
  devDependencies?: Ranges;
  peerDependencies?: Ranges;
}

/** One workspace package before and after `changeset version`. */
export interface VersionedPackage {
  name: string;
  /** The workspace directory, relative to the repository root. */
  dir: string;
  private: boolean;
  oldVersion: string;
  newVersion: string;
  /** `major`, `minor` or `patch` from the versions; `none` when unchanged. */
  bump: Bump;
  /**
   * The largest bump the pending changesets name for this package. A `bump` above it came
   * from a dependency: a patch for a dependency range left behind, a major for a peer range.
   */
  declared: Bump;
  /** The package's CHANGELOG.md after versioning; null when it has none. */
  changelog: string | null;
  /** Ranges on workspace packages that versioning rewrote, e.g. `peerDependencies.@kechuang/community: 0.0.0 → 0.1.0`. */
  rangeChanges: string[];
}

/** A pending changeset: its file name and the packages it bumps, with its summary. */
export interface PendingChangeset {
  id: string;
  releases: Record<string, string>;
  summary: string;
}

export interface DryRunOptions {
  /** The repository (or a fixture monorepo) whose release to preview. */
  root: string;
  /** Where `node_modules` with `@changesets/cli` lives; default `root`. */
  toolsRoot?: string;
  /**
   * Changeset files (name → Markdown) to version instead of the repository's own, e.g. to see
   * what one minor bump of the core does to its dependents.
   */
  changesets?: Record<string, string>;
}

export interface DryRun {
  changesets: PendingChangeset[];
  packages: VersionedPackage[];
}

/**
 * Runs `changeset version` on a copy and reports every workspace package.
 *
 * @example
 * const { packages } = changesetVersionDryRun({ root });
 * packages.filter((p) => p.bump !== 'none').map((p) => `${p.name} ${p.oldVersion} → ${p.newVersion}`);
 */
export function changesetVersionDryRun(options: DryRunOptions): DryRun {
  const root = options.root;
  const tools = options.toolsRoot ?? root;
  const copy = mkdtempSync(join(tmpdir(), 'kechuang-release-'));
  try {
    const dirs = workspaceDirs(root);
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    mkdirSync(join(copy, '.changeset'));
    for (const name of readdirSync(join(root, '.changeset'))) {
      if (options.changesets && name.endsWith('.md') && name !== 'README.md') continue;
      cpSync(join(root, '.changeset', name), join(copy, '.changeset', name));
    }
    for (const [name, text] of Object.entries(options.changesets ?? {})) writeFileSync(join(copy, '.changeset', name), text);
    for (const dir of dirs) {
      mkdirSync(join(copy, dir), { recursive: true });
      for (const file of ['package.json', 'CHANGELOG.md']) {
        if (existsSync(join(root, dir, file))) cpSync(join(root, dir, file), join(copy, dir, file));
      }
    }
    symlinkSync(join(tools, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const changesets = pendingChangesets(join(copy, '.changeset'));
    const run = spawnSync(process.execPath, [join(tools, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], {
      cwd: copy,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`changeset version failed in the throwaway copy:\n${run.stdout}${run.stderr}`);
    const manifests = dirs.map((dir) => ({ dir, before: read(join(root, dir, 'package.json')) }));
    const names = new Set(manifests.map(({ before }) => before.name));
    const packages = manifests.map(({ dir, before }) =>
      versioned(dir, before, read(join(copy, dir, 'package.json')), changelogOf(join(copy, dir)), declaredBump(changesets, before.name), names),
    );
    return { changesets, packages };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function declaredBump(changesets: readonly PendingChangeset[], name: string): Bump {
  const levels = changesets.map((changeset) => BUMPS.indexOf(toBump(changeset.releases[name])));
  return BUMPS[Math.max(0, ...levels)] ?? 'none';
}

function toBump(value: string | undefined): Bump {
  return BUMPS.find((bump) => bump === value) ?? 'none';
}

function versioned(
  dir: string,
  before: Manifest,
  after: Manifest,
  changelog: string | null,
  declared: Bump,
  workspaceNames: ReadonlySet<string>,
): VersionedPackage {
  const rangeChanges: string[] = [];
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies'] as const) {
    for (const [name, range] of Object.entries(before[field] ?? {})) {
      const now = after[field]?.[name];
      if (workspaceNames.has(name) && now !== range) rangeChanges.push(`${field}.${name}: ${range} → ${now ?? '(removed)'}`);
    }
  }
  return {
    name: before.name,
    dir,
    private: before.private === true,
    oldVersion: before.version,
    newVersion: after.version,
    bump: bumpOf(before.version, after.version),
    declared,
    changelog,
    rangeChanges,
  };
}

function bumpOf(from: string, to: string): Bump {
  const [a = 0, b = 0] = from.split('.').map(Number);
  const [x = 0, y = 0] = to.split('.').map(Number);
  if (from === to) return 'none';
  if (x !== a) return 'major';
  return y !== b ? 'minor' : 'patch';
}

/**
 * The workspace directories the root package.json names (`dir/*` patterns, as ours are).
 *
 * @example
 * workspaceDirs(root); // ['packages/cli', 'packages/community', …, 'examples/quickstart']
 */
export function workspaceDirs(root: string): string[] {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return existsSync(join(root, pattern, 'package.json')) ? [pattern] : [];
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(parent, entry.name, 'package.json')))
      .map((entry) => relative(root, join(parent, entry.name)).split('\\').join('/'));
  });
}

/** The frontmatter (`'pkg': bump` lines) and summary of each changeset file. */
function pendingChangesets(dir: string): PendingChangeset[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      const releases: Record<string, string> = {};
      for (const line of (match?.[1] ?? '').split(/\r?\n/)) {
        const entry = /^\s*['"]?([^'":]+)['"]?\s*:\s*(\w+)\s*$/.exec(line);
        if (entry?.[1] && entry[2]) releases[entry[1]] = entry[2];
      }
      return { id: name.replace(/\.md$/, ''), releases, summary: (match?.[2] ?? text).trim() };
    });
}

function changelogOf(dir: string): string | null {
  const path = join(dir, 'CHANGELOG.md');
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function read(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/**
 * What is missing from the generated changelogs: every package a release bumps must get a
 * CHANGELOG.md, and it must carry the summary of each changeset that names the package.
 *
 * @example
 * const problems = changelogProblems(changesetVersionDryRun({ root }));
 * if (problems.length > 0) throw new Error(problems.join('\n'));
 */
export function changelogProblems(dryRun: DryRun): string[] {
  const problems: string[] = [];
  for (const pkg of dryRun.packages) {
    if (pkg.bump === 'none') continue;
    if (pkg.changelog === null) {
      problems.push(`${pkg.name}: bumped to ${pkg.newVersion} but no CHANGELOG.md was written`);
      continue;
    }
    if (!pkg.changelog.includes(`## ${pkg.newVersion}`)) problems.push(`${pkg.name}: CHANGELOG.md has no "## ${pkg.newVersion}" section`);
    const text = plain(pkg.changelog);
    for (const changeset of dryRun.changesets) {
      if (toBump(changeset.releases[pkg.name]) === 'none') continue;
      const firstLine = changeset.summary.split(/\r?\n/)[0] ?? '';
      if (!text.includes(plain(firstLine))) problems.push(`${pkg.name}: CHANGELOG.md lacks .changeset/${changeset.id}.md ("${firstLine.slice(0, 60)}…")`);
    }
  }
  return problems;
}

/** Text without Markdown emphasis or code marks and with whitespace collapsed: prettier may restyle either. */
function plain(markdown: string): string {
  return markdown.replace(/[*_`\\]/g, '').replace(/\s+/g, ' ').trim();
}
