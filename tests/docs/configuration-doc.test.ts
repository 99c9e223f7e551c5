import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// docs/configuration.md is generated from the config's JSON Schema; this test regenerates it
// (in memory, through the script's --check) and fails when the committed file differs.
const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'scripts', 'generate-config-docs.ts');
const doc = join(root, 'docs', 'configuration.md');
// By absolute URL, so the loader resolves whatever the working directory.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const scratch = mkdtempSync(join(tmpdir(), 'config-doc-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function generator(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', tsx, script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Every field path of a JSON Schema node, written as the reference writes them (`a[].b.<key>`). */
function fieldPaths(node: unknown, path: string, out: Set<string>): Set<string> {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return out;
  const schema: Record<string, unknown> = { ...node };
  const { properties, items, anyOf, additionalProperties } = schema;
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      const child = path === '' ? name : `${path}.${name}`;
      out.add(child);
      fieldPaths(property, child, out);
    }
  } else if (typeof additionalProperties === 'object' && additionalProperties !== null) {
    fieldPaths(additionalProperties, `${path}.<key>`, out);
  }
  if (items !== undefined) fieldPaths(items, `${path}[]`, out);
  if (Array.isArray(anyOf)) for (const option of anyOf) fieldPaths(option, path, out);
  return out;
}

describe('docs/configuration.md', () => {
  it('is what the config schema gives (else: npm run generate:config-docs)', () => {
    const { status, output } = generator('--check');
    expect(output).toContain('is up to date');
    expect(status).toBe(0);
  });

  it('lists every field of the JSON Schema', () => {
    const schema: unknown = JSON.parse(readFileSync(join(root, 'packages', 'community', 'kechuang.config.schema.json'), 'utf8'));
    const text = readFileSync(doc, 'utf8');
    const paths = [...fieldPaths(schema, '', new Set())];
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => !text.includes(`| \`${path}\` |`))).toEqual([]);
  });

  it('gives every top-level key a section and every condition field and operator a row', () => {
    const text = readFileSync(doc, 'utf8');
    for (const key of ['version', 'portfolios', 'teams', 'categories', 'slaPolicies', 'defaultSla', 'calendar', 'notifications', 'metrics', 'routing']) {
      expect(text).toContain(`## \`${key}\``);
    }
    for (const name of ['submitted.holiday', 'enterprise.tags', 'attributes.<code>', 'all_of', 'regex', 'exists', '<plugin-id>.<name>']) {
      expect(text).toContain(`| \`${name}\` |`);
    }
  });

  it('is reported stale, with the command that fixes it, when it differs', () => {
    const stale = join(scratch, 'configuration.md');
    writeFileSync(stale, readFileSync(doc, 'utf8').replace('The format version of this file.', 'An edited description.'));
    const { status, output } = generator('--check', '--out', stale);
    expect(status).toBe(1);
    expect(output).toContain('is stale');
    expect(output).toContain('npm run generate:config-docs');
  });

  it('is written when missing, and then up to date', () => {
    const fresh = join(scratch, 'fresh.md');
    expect(generator('--out', fresh).status).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(doc, 'utf8'));
    expect(generator('--check', '--out', fresh).status).toBe(0);
  });
});
