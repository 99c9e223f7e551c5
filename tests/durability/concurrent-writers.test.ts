/**
 * No lost update under concurrent writers on PostgreSQL.
 *
 * Four OS processes, each with its own pool, send 2,000 random commands each against the same
 * 200 requests. Every command carries the version its writer read, so the database sees many
 * writers racing on the same rows. Afterwards the database must agree exactly with what the
 * writers were told: each accepted command is one timeline step (its entries at its version,
 * written by its writer), no version was granted to two writers, versions have no gaps, and
 * each request's version is 1 + the commands accepted for it. Races that lose must come back as
 * CONFLICT, and the test insists that some did, or it would not have proved anything.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, type TimelineEntry } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';
import { ENTRY_TYPES, type AcceptedCommand, type WriterConfig, type WriterLog } from './concurrent-writer-protocol.js';

const WRITERS = 4;
const COMMANDS_PER_WRITER = 2_000;
const REQUESTS = 200;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const reachable = await probeDatabase('concurrent-writers.test.ts');
const schema = freshSchemaName();
const workDir = mkdtempSync(join(tmpdir(), 'kechuang-concurrent-'));
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  if (reachable) await dropSchema(schema);
});

interface Exit {
  code: number | null;
  output: string;
}

function runWriter(configPath: string, worker: number, seed: number, logPath: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'tests/durability/concurrent-writer.ts', configPath, String(worker), String(seed), logPath], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Builds the office through the public API and submits the requests; returns what the writers need. */
async function buildOffice(): Promise<WriterConfig & { submitted: AcceptedCommand[] }> {
  const storage = postgresStorage({ connectionString, schema });
  try {
    const community = createCommunity({ storage });
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const system = community.as({ kind: 'system', officeId: office.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
    const ent = await system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
    const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
    const tax = await system.teams.create({ code: 'TAX', name: '财税服务队' });
    const leadA = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
    const leadB = await system.members.create({ code: 'L002', name: '孙律师', roles: [{ role: 'provider', teamId: legal.id }] });
    const assistant = await system.members.create({ code: 'X001', name: '吴顾问', roles: [{ role: 'provider', teamId: tax.id }] });
    const submitted: AcceptedCommand[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const r = await system.requests.submit({ communityId: mc.id, enterpriseId: ent.id, channel: 'phone', category: 'legal', title: `尾款未结 ${i}`, description: '只有聊天记录' });
      submitted.push({ requestId: r.id, version: r.version, command: 'submit', actorId: null, token: null });
    }
    return {
      connectionString,
      schema,
      officeId: office.id,
      leadIds: [leadA.id, leadB.id],
      assistantId: assistant.id,
      legalTeamId: legal.id,
      requestIds: submitted.map((s) => s.requestId),
      commands: COMMANDS_PER_WRITER,
      submitted,
    };
  } finally {
    await storage.close?.();
  }
}

/** What the database holds for one request. */
interface StoredRequest {
  version: number;
  status: string;
  timeline: TimelineEntry[];
}

/** Reads every request and its timeline back through the SDK. */
async function readBack(config: WriterConfig): Promise<Map<string, StoredRequest>> {
  const storage = postgresStorage({ connectionString, schema });
  try {
    const system = createCommunity({ storage }).as({ kind: 'system', officeId: config.officeId });
    const out = new Map<string, StoredRequest>();
    for (const id of config.requestIds) {
      const { request, timeline } = await system.requests.get(id);
      out.set(id, { version: request.version, status: request.status, timeline });
    }
    return out;
  } finally {
    await storage.close?.();
  }
}

/** The same invariant straight from SQL, past the SDK's read path: version = highest seq = number of distinct seqs. */
async function sqlMismatches(): Promise<unknown[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema.replace(/"/g, '""')}"`);
    const { rows } = await client.query(
      `SELECT r.id, r.version, max(t.seq) AS max_seq, count(DISTINCT t.seq) AS seqs
         FROM request r LEFT JOIN timeline_entry t ON t.request_id = r.id
        GROUP BY r.id, r.version
       HAVING r.version <> coalesce(max(t.seq), 0) OR r.version <> count(DISTINCT t.seq)`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Every way the database and the writers' logs can disagree, as readable lines. */
function compare(db: ReadonlyMap<string, Pick<StoredRequest, 'version' | 'timeline'>>, logs: { by: string; accepted: AcceptedCommand[] }[]): { lost: string[]; problems: string[] } {
  const claims = new Map<string, AcceptedCommand & { by: string }>();
  const claimedPerRequest = new Map<string, number>();
  const lost: string[] = [];
  for (const { by, accepted } of logs) {
    for (const claim of accepted) {
      const key = `${claim.requestId}@${claim.version}`;
      const earlier = claims.get(key);
      if (earlier) lost.push(`${key} granted to ${earlier.by} (${earlier.command}) and to ${by} (${claim.command})`);
      else claims.set(key, { ...claim, by });
      claimedPerRequest.set(claim.requestId, (claimedPerRequest.get(claim.requestId) ?? 0) + 1);
    }
  }

  const problems: string[] = [];
  for (const [id, { version, timeline }] of db) {
    const bySeq = new Map<number, TimelineEntry[]>();
    for (const entry of timeline) bySeq.set(entry.seq, [...(bySeq.get(entry.seq) ?? []), entry]);
    const maxSeq = Math.max(0, ...bySeq.keys());
    if (maxSeq !== version) problems.push(`${id}: version ${version} but highest seq ${maxSeq}`);
    const claimed = claimedPerRequest.get(id) ?? 0;
    if (claimed !== version) problems.push(`${id}: version ${version} but ${claimed} commands accepted (submit included)`);
    for (const seq of bySeq.keys()) if (seq < 1 || seq > version) problems.push(`${id}: seq ${seq} outside 1..${version}`);
    for (let seq = 1; seq <= version; seq++) {
      const entries = (bySeq.get(seq) ?? []).sort((a, b) => a.index - b.index);
      if (entries.length === 0) {
        problems.push(`${id}: no entry at seq ${seq}`);
        continue;
      }
      const indexes = entries.map((e) => e.index);
      if (indexes.some((index, i) => index !== i)) problems.push(`${id}@${seq}: entry indexes ${indexes.join(',')}, expected 0..${entries.length - 1}`);
      const claim = claims.get(`${id}@${seq}`);
      if (!claim) {
        problems.push(`${id}@${seq}: committed (${entries.map((e) => e.type).join('+')}) but no writer was told so`);
        continue;
      }
      const types = entries.map((e) => e.type).join('+');
      const want = (ENTRY_TYPES[claim.command] ?? ['?']).join('+');
      if (types !== want) problems.push(`${id}@${seq}: ${claim.by} ran ${claim.command} (expects ${want}) but the timeline holds ${types}`);
      const actors = new Set(entries.map((e) => `${e.actor.kind}:${e.actor.id ?? ''}`));
      const actor = claim.actorId === null ? 'system:' : `member:${claim.actorId}`;
      if (actors.size !== 1 || !actors.has(actor)) problems.push(`${id}@${seq}: ${claim.by} sent it as ${actor} but the timeline says ${[...actors].join(', ')}`);
      if (claim.token !== null && !JSON.stringify(entries.map((e) => e.data)).includes(claim.token)) {
        problems.push(`${id}@${seq}: ${claim.by}'s ${claim.command} ${claim.token} is not the command recorded there`);
      }
    }
  }
  for (const [key, claim] of claims) {
    const row = db.get(claim.requestId);
    if (!row) problems.push(`${key}: ${claim.by} claims a request that does not exist`);
    else if (claim.version > row.version) problems.push(`${key}: ${claim.by} was told ${claim.command} committed, but the request is only at version ${row.version}`);
  }
  return { lost, problems };
}

const tally = (names: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
};

describe('the comparison of logs with the database', () => {
  // Without this, a comparison that never fires would pass the run above vacuously.
  const entry = (requestId: string, seq: number, index: number, type: string, text: string | null, actorId: string | null = null): TimelineEntry => ({
    id: `${requestId}-${seq}-${index}`,
    officeId: 'o',
    requestId,
    seq,
    index,
    type,
    actor: { kind: actorId === null ? 'system' : 'member', id: actorId },
    at: new Date(0),
    fromStatus: null,
    toStatus: null,
    data: text === null ? {} : { text },
  });
  const submit: AcceptedCommand = { requestId: 'r', version: 1, command: 'submit', actorId: null, token: null };
  const note = (version: number, token: string): AcceptedCommand => ({ requestId: 'r', version, command: 'note', actorId: null, token });
  const db = new Map([['r', { version: 3, timeline: [entry('r', 1, 0, 'submitted', null), entry('r', 2, 0, 'note', '[w0#0]'), entry('r', 3, 0, 'note', '[w1#0]')] }]]);

  it('agrees when every commit was granted to exactly one writer', () => {
    const result = compare(db, [
      { by: 'parent', accepted: [submit] },
      { by: 'writer 0', accepted: [note(2, '[w0#0]')] },
      { by: 'writer 1', accepted: [note(3, '[w1#0]')] },
    ]);
    expect(result).toEqual({ lost: [], problems: [] });
  });

  it('reports a version granted twice, a commit nobody was told of, and a claim the database lacks', () => {
    const twice = compare(db, [
      { by: 'parent', accepted: [submit] },
      { by: 'writer 0', accepted: [note(2, '[w0#0]'), note(4, '[w0#1]')] },
      { by: 'writer 1', accepted: [note(2, '[w1#0]')] },
    ]);
    expect(twice.lost).toEqual(['r@2 granted to writer 0 (note) and to writer 1 (note)']);
    expect(twice.problems).toEqual(
      expect.arrayContaining([
        'r: version 3 but 4 commands accepted (submit included)',
        'r@3: committed (note) but no writer was told so',
        'r@4: writer 0 was told note committed, but the request is only at version 3',
      ]),
    );
  });

  it('reports a gap, a wrong command, a wrong actor and a foreign token', () => {
    const gap = new Map([['r', { version: 3, timeline: [entry('r', 1, 0, 'submitted', null), entry('r', 3, 0, 'accepted', '[w9#9]', 'm1')] }]]);
    const result = compare(gap, [
      { by: 'parent', accepted: [submit] },
      { by: 'writer 0', accepted: [note(2, '[w0#0]'), note(3, '[w0#1]')] },
    ]);
    expect(result.problems).toEqual([
      'r: no entry at seq 2',
      "r@3: writer 0 ran note (expects note) but the timeline holds accepted",
      'r@3: writer 0 sent it as system: but the timeline says member:m1',
      "r@3: writer 0's note [w0#1] is not the command recorded there",
    ]);
  });
});

describe.skipIf(!reachable)(
  reachable ? `${WRITERS} OS processes × ${COMMANDS_PER_WRITER} commands on PostgreSQL` : `concurrent writers — SKIPPED: PostgreSQL unreachable at ${connectionString}`,
  () => {
    it('loses no update, and refuses every stale command with CONFLICT', { timeout: 300_000 }, async () => {
      const config = await buildOffice();
      const configPath = join(workDir, 'config.json');
      writeFileSync(configPath, JSON.stringify(config satisfies WriterConfig));
      const baseSeed = Number(process.env['KECHUANG_DURABILITY_SEED'] ?? Date.now() % 2 ** 31);
      console.log(`[concurrent-writers] base seed ${baseSeed} (replay with KECHUANG_DURABILITY_SEED=${baseSeed}); writer i uses seed ${baseSeed} + i`);

      const started = Date.now();
      const workers = Array.from({ length: WRITERS }, (_, worker) => worker);
      const exits = await Promise.all(workers.map((worker) => runWriter(configPath, worker, baseSeed + worker, join(workDir, `writer-${worker}.json`))));
      const durationMs = Date.now() - started;
      for (const exit of exits) console.log(exit.output.trimEnd());
      expect(exits.map((e) => e.code)).toEqual(workers.map(() => 0));

      const logs = workers.map((worker) => JSON.parse(readFileSync(join(workDir, `writer-${worker}.json`), 'utf8')) as WriterLog);
      const sent = logs.reduce((n, l) => n + l.sent, 0);
      const accepted = logs.reduce((n, l) => n + l.accepted.length, 0);
      const conflicts = logs.reduce((n, l) => n + l.conflicts, 0);
      const refusals: Record<string, number> = {};
      for (const l of logs) for (const [code, n] of Object.entries(l.refusals)) refusals[code] = (refusals[code] ?? 0) + n;
      const otherRefusals = Object.values(refusals).reduce((n, c) => n + c, 0);
      console.log(
        `[concurrent-writers] ${WRITERS} writers: sent ${sent}, accepted ${accepted}, conflicts ${conflicts}, ` +
          `other refusals ${otherRefusals} ${JSON.stringify(refusals)}, ${(durationMs / 1000).toFixed(1)} s wall`,
      );
      for (const l of logs) for (const sample of l.refusalSamples) console.log(`[concurrent-writers] writer ${l.worker} refusal: ${sample}`);
      console.log(`[concurrent-writers] accepted by command: ${JSON.stringify(tally(logs.flatMap((l) => l.accepted.map((a) => a.command))))}`);

      expect(logs.flatMap((l) => l.unexpected.map((u) => `writer ${l.worker}: ${u}`))).toEqual([]);
      expect(sent).toBe(WRITERS * COMMANDS_PER_WRITER);
      expect(accepted + conflicts + otherRefusals).toBe(sent);

      const db = await readBack(config);
      console.log(`[concurrent-writers] final statuses: ${JSON.stringify(tally([...db.values()].map((r) => r.status)))}`);
      const { lost, problems } = compare(db, [{ by: 'parent', accepted: config.submitted }, ...logs.map((l) => ({ by: `writer ${l.worker}`, accepted: l.accepted }))]);
      expect(lost.slice(0, 20)).toEqual([]);
      expect(problems.slice(0, 20)).toEqual([]);
      expect(problems.length).toBe(0);
      expect(await sqlMismatches()).toEqual([]);
      // Every version past 1 is one accepted writer command.
      expect([...db.values()].reduce((n, r) => n + r.version - 1, 0)).toBe(accepted);
      // The whole point is contention: stale commands must have happened and been refused.
      expect(conflicts).toBeGreaterThan(0);
    });
  },
);
