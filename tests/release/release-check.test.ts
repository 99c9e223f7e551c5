import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run release:check` previews `changeset version` in a throwaway copy. These tests run
// that preview and check what our changesets config does to versions and changelogs.
const root = join(import.meta.dirname, '..', '..');
const fixtures: string[] = [];
afterAll(() => fixtures.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Versioned {
  name: string;
  oldVersion: string;
  newVersion: string;
  bump: string;
  changelog: string | null;
  rangeChanges: string[];
}

function preview(args: string[]): { status: number | null; packages: Versioned[]; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'release-check.ts'), '--version-only', '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const packages = run.status === 0 ? (JSON.parse(run.stdout) as { packages: Versioned[] }).packages : [];
  return { status: run.status, packages, stderr: run.stderr };
}

const byName = (packages: Versioned[], name: string): Versioned | undefined => packages.find((pkg) => pkg.name === name);

/** A monorepo of four packages on the repository's own changesets config. */
function fixture(options: { peerOption: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-release-fixture-'));
  fixtures.push(dir);
  const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as Record<string, unknown>;
  config['ignore'] = [];
  if (!options.peerOption) delete config['___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH'];
  mkdirSync(join(dir, '.changeset'));
  writeFileSync(join(dir, '.changeset', 'config.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', private: true, workspaces: ['packages/*'] }));
  const manifests = {
    core: {},
    'plugin-wide': { peerDependencies: { '@fixture/core': '>=0.0.0 <1.0.0' }, devDependencies: { '@fixture/core': '0.0.0' } },
    'plugin-exact': { peerDependencies: { '@fixture/core': '0.0.0' } },
    adapter: { dependencies: { '@fixture/core': '0.0.0' } },
  };
  for (const [name, fields] of Object.entries(manifests)) {
    mkdirSync(join(dir, 'packages', name), { recursive: true });
    writeFileSync(join(dir, 'packages', name, 'package.json'), JSON.stringify({ name: `@fixture/${name}`, version: '0.0.0', ...fields }));
  }
  return dir;
}

describe('release:check previews changeset version', () => {
  it('gives every package the pending changesets bump a CHANGELOG.md with their text', () => {
    const { status, packages, stderr } = preview([]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    for (const pkg of packages.filter((each) => each.bump !== 'none')) {
      expect(pkg.changelog, pkg.name).toContain(`# ${pkg.name}\n\n## ${pkg.newVersion}`);
    }
  });

  it('a core minor: dependents get a patch with the new range, and the changelog says why', () => {
    const { status, packages } = preview(['--bump', '@kechuang/community:minor']);
    expect(status).toBe(0);
    const core = byName(packages, '@kechuang/community');
    expect(core?.bump).toBe('minor');
    expect(core?.changelog).toContain('A bump requested with release:check --bump.');
    const sqlite = byName(packages, '@kechuang/storage-sqlite');
    expect(sqlite?.bump).toBe('patch');
    expect(sqlite?.rangeChanges).toContain(`dependencies.@kechuang/community: 0.0.0 → ${core?.newVersion}`);
    expect(sqlite?.changelog).toContain(`@kechuang/community@${core?.newVersion}`);
    // Private examples are never versioned, but their ranges follow so the workspace still links.
    expect(byName(packages, '@kechuang/example-quickstart')?.bump).toBe('none');
  });

  it('a peer dependent is not forced to a major while the new core version is in its range', () => {
    const { status, packages } = preview(['--root', fixture({ peerOption: true }), '--bump', '@fixture/core:minor']);
    expect(status).toBe(0);
    expect(byName(packages, '@fixture/core')?.newVersion).toBe('0.1.0');
    expect(byName(packages, '@fixture/plugin-wide')).toMatchObject({ bump: 'none', newVersion: '0.0.0' });
    expect(byName(packages, '@fixture/plugin-wide')?.rangeChanges).toEqual(['devDependencies.@fixture/core: 0.0.0 → 0.1.0']);
    // A range the new version leaves still means a major: the plugin claims a core it was not built for.
    expect(byName(packages, '@fixture/plugin-exact')).toMatchObject({ bump: 'major', newVersion: '1.0.0' });
    expect(byName(packages, '@fixture/adapter')).toMatchObject({ bump: 'patch', newVersion: '0.0.1' });
  });

  it('without onlyUpdatePeerDependentsWhenOutOfRange every peer dependent would be a major', () => {
    const { packages } = preview(['--root', fixture({ peerOption: false }), '--bump', '@fixture/core:minor']);
    expect(byName(packages, '@fixture/plugin-wide')?.bump).toBe('major');
  });

  it('refuses a malformed --bump with what to write', () => {
    const { status, stderr } = preview(['--bump', '@kechuang/community']);
    expect(status).toBe(2);
    expect(stderr).toContain('<package>:<major|minor|patch>');
  });
});
