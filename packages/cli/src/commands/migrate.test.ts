import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../../storage-postgres/src/pg-test-database.js';
import { APPS, expectCode, kechuang } from '../__fixtures__/run-kechuang.js';
import { exitCodes } from '../exit-codes.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const APP = path.join(APPS, 'office-app.mjs');
const PLUGIN_TABLES = ['progress_reports_sent', 'progress_reports_series'];

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kechuang-migrate-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function sqliteTables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
  } finally {
    db.close();
  }
}

describe('kechuang migrate --app on SQLite', () => {
  it("creates the plugins' tables as well as the core's, and says which plugin has which", async () => {
    const cwd = freshDir();
    const core = await kechuang(['migrate', '--db', 'core.sqlite'], { cwd, env: EN });
    expectCode(core, exitCodes.ok);
    expect(sqliteTables(path.join(cwd, 'core.sqlite'))).not.toEqual(expect.arrayContaining([PLUGIN_TABLES[0]]));

    const run = await kechuang(['migrate', '--db', 'app.sqlite', '--app', APP], { cwd, env: EN });
    expectCode(run, exitCodes.ok);
    expect(sqliteTables(path.join(cwd, 'app.sqlite'))).toEqual(expect.arrayContaining(PLUGIN_TABLES));
    const tables = (text: string): number => Number(/\((\d+) tables\)/.exec(text)?.[1]);
    expect(tables(run.stdout)).toBe(tables(core.stdout) + PLUGIN_TABLES.length);
    expect(run.stdout).toMatch(/^ {2}plugin progress-reports [\d.]+: tables progress_reports_sent, progress_reports_series$/m);
    expect(run.stdout).toMatch(/^ {2}plugin grid 1\.0\.0: no tables or fields of its own$/m);

    // A database the core created first gains the plugins' tables later, and says so in Chinese.
    const later = await kechuang(['migrate', '--db', 'core.sqlite', '--app', APP], { cwd, env: ZH });
    expectCode(later, exitCodes.ok);
    expect(later.stdout).toMatch(/^ {2}插件 progress-reports [\d.]+：数据表 progress_reports_sent、progress_reports_series$/m);
    expect(sqliteTables(path.join(cwd, 'core.sqlite'))).toEqual(expect.arrayContaining(PLUGIN_TABLES));
  });
});

describe('kechuang migrate --app on PostgreSQL', async () => {
  const reachable = await probeDatabase('packages/cli/src/commands/migrate.test.ts');
  const schema = freshSchemaName();
  afterAll(async () => {
    if (reachable) await dropSchema(schema);
  });

  it.skipIf(!reachable)(`creates the plugins' tables in the schema the URL names${reachable ? '' : ` — SKIPPED: PostgreSQL unreachable at ${connectionString}`}`, async () => {
    const url = new URL(connectionString);
    url.searchParams.set('schema', schema);
    const run = await kechuang(['migrate', '--app', APP], { cwd: freshDir(), env: { ...EN, DATABASE_URL: url.href } });
    expectCode(run, exitCodes.ok);
    expect(run.stdout).toContain(`(schema ${schema})`);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      const result = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
      expect(result.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['request', 'timer', ...PLUGIN_TABLES]));
    } finally {
      await client.end();
    }
  });
});
