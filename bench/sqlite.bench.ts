/**
 * sqlite.submit: whole `submit` commands per second on a SQLite file in WAL mode
 * (synchronous=NORMAL on both sides), through `sqliteStorage`.
 *
 * Baseline: hand-written minimal SQL through the same driver (better-sqlite3) on a file with
 * the same tables, persisting the same result — the request row and its timeline entry — in
 * one transaction with prepared statements. Statements per submit are counted on both sides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { coreModels, createCommunity, uuidv7, type CommunitySession, type StorageAdapter } from '@kechuang/community';
import { snakeCase } from '@kechuang/storage-kysely';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import type { BenchmarkDefinition } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-'));
let statements = 0;
let storage: StorageAdapter;
let session: CommunitySession;
let input: Record<string, unknown>;

async function setup(): Promise<void> {
  storage = sqliteStorage({ filename: join(dir, 'sdk.sqlite'), driverOptions: { verbose: () => void statements++ } });
  const community = createCommunity({ storage });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  session = community.as({ kind: 'system', officeId: office.id });
  const mc = await session.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await session.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const enterprise = await session.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
  input = { communityId: mc.id, enterpriseId: enterprise.id, channel: 'phone', category: 'legal', title: '项目尾款未结', description: '没有签合同，只有聊天记录' };
  // Count one submit's statements, then measure without counting.
  statements = 0;
  await session.requests.submit(input as never);
  console.log(`\n  sqlite.submit: ${statements} statements per submit (baseline: 4 — BEGIN, 2 INSERTs, COMMIT)`);
}

// ---- the baseline: the same rows, by hand ----------------------------------------------
let raw: Database.Database;
let insertRequest: Database.Statement;
let insertEntry: Database.Statement;
let persist: (request: Record<string, unknown>, entry: Record<string, unknown>) => void;
const encode = (value: unknown): unknown =>
  value instanceof Date ? value.getTime() : value !== null && typeof value === 'object' ? JSON.stringify(value) : typeof value === 'boolean' ? Number(value) : value;

async function baselineSetup(): Promise<void> {
  // The same tables, created by the adapter on another file; then only raw SQL.
  const file = join(dir, 'raw.sqlite');
  const tables = sqliteStorage({ filename: file });
  await tables.init({ version: 1, models: { request: coreModels['request']!, timeline_entry: coreModels['timeline_entry']! } });
  await tables.close?.();
  raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const insert = (model: 'request' | 'timeline_entry'): Database.Statement => {
    const fields = Object.keys(coreModels[model]!.fields);
    return raw.prepare(`INSERT INTO "${snakeCase(model)}" (${fields.map((f) => `"${snakeCase(f)}"`).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`);
  };
  insertRequest = insert('request');
  insertEntry = insert('timeline_entry');
  const requestFields = Object.keys(coreModels['request']!.fields);
  const entryFields = Object.keys(coreModels['timeline_entry']!.fields);
  persist = raw.transaction((request: Record<string, unknown>, entry: Record<string, unknown>) => {
    insertRequest.run(requestFields.map((f) => encode(request[f] ?? null)));
    insertEntry.run(entryFields.map((f) => encode(entry[f] ?? null)));
  });
}

function bareSubmit(): void {
  const now = new Date();
  const id = uuidv7();
  const request = {
    ...input, id, officeId: 'o', parkId: null, buildingId: null, visitId: null, attributes: {}, priority: 'normal', contact: null, externalRef: null,
    externalKey: null, attachments: [], tags: [], status: 'submitted', assigneeId: null, assigneeTeamId: null, assignedAt: null, assists: [],
    returnInfo: null, outcome: null, outcomeNote: null, satisfaction: null, redoCount: 0, duplicateOfId: null, submittedById: null,
    idempotencyKey: null, createdAt: now, updatedAt: now, closedAt: null, watchers: [], slaPolicy: null, routing: null, slaStartedAt: null,
    respondDueAt: null, resolveDueAt: null, dueSoonAt: null, respondedAt: null, pausedAt: null, escalationLevel: 0, supervision: null, extension: null, version: 1,
  };
  const entry = { id: uuidv7(), officeId: 'o', requestId: id, seq: 1, index: 0, type: 'submitted', actorKind: 'system', actorId: null, at: now, fromStatus: null, toStatus: 'submitted', data: { channel: 'phone' } };
  persist(request, entry);
}

export const benchmarks: BenchmarkDefinition[] = [
  {
    name: 'sqlite.submit',
    setup,
    fn: async () => {
      await session.requests.submit(input as never);
    },
    baseline: { name: 'hand-written SQL, same driver and rows', setup: baselineSetup, fn: bareSubmit },
    async teardown() {
      await storage.close?.();
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  },
];
