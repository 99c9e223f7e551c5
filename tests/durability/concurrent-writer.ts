/**
 * One writer process of the concurrent-writers test. Started by the test as
 * `node --conditions=source --import tsx tests/durability/concurrent-writer.ts <config.json> <worker> <seed> <log.json>`.
 *
 * It sends `config.commands` random commands through the public API: pick a request, read it,
 * choose a command its state allows, and send it with the version it read, so that a command
 * decided on a stale read must come back as CONFLICT. It logs every commit and every refusal
 * and writes the log as JSON to `<log.json>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createCommunity, isKechuangError, type CommunitySession, type ServiceRequest } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { seededRandom, type AcceptedCommand, type WriterConfig, type WriterLog } from './concurrent-writer-protocol.js';

interface Candidate {
  /** The workflow transition it fires (`redo` for an unsatisfied follow-up). */
  name: string;
  weight: number;
  /** Who sends it: a member id, or null for the system actor. */
  actorId: string | null;
  /** Whether `send` writes the token into the command's text. */
  traced: boolean;
  send(session: CommunitySession, token: string): Promise<ServiceRequest>;
}

/** Share of picks that go to the first HOT_REQUESTS requests: many writers on few rows is the contention under test. */
const HOT_SHARE = 0.5;
const HOT_REQUESTS = 16;
const WORKING = ['assigned', 'accepted', 'in_progress', 'paused'];
const OPEN = ['submitted', 'returned', ...WORKING];

const [configPath, workerArg, seedArg, logPath] = process.argv.slice(2);
if (configPath === undefined || workerArg === undefined || seedArg === undefined || logPath === undefined) {
  throw new Error('usage: concurrent-writer.ts <config.json> <worker> <seed> <log.json>');
}
const config = JSON.parse(readFileSync(configPath, 'utf8')) as WriterConfig;
const worker = Number(workerArg);
const seed = Number(seedArg);
const random = seededRandom(seed);
console.log(`[writer ${worker}] seed ${seed}, ${config.commands} commands on ${config.requestIds.length} requests`);

// Each writer is sequential: two connections (one spare) keep 4 writers far below max_connections.
const storage = postgresStorage({ connectionString: config.connectionString, schema: config.schema, max: 2 });
const community = createCommunity({ storage });
const system = community.as({ kind: 'system', officeId: config.officeId });
const sessions = new Map<string, CommunitySession>();
const sessionOf = (actorId: string | null): CommunitySession => {
  if (actorId === null) return system;
  let session = sessions.get(actorId);
  if (!session) sessions.set(actorId, (session = community.as({ kind: 'member', officeId: config.officeId, memberId: actorId })));
  return session;
};

function pickRequestId(): string {
  const { requestIds } = config;
  const pool = random() < HOT_SHARE ? Math.min(HOT_REQUESTS, requestIds.length) : requestIds.length;
  return requestIds[Math.floor(random() * pool)] as string;
}

/** The commands `r`'s state allows, each sent by someone allowed to send it, with the version read. */
function candidatesFor(r: ServiceRequest): Candidate[] {
  const requestId = r.id;
  const version = r.version;
  const [leadA, leadB] = config.leadIds;
  const lead = r.assigneeId;
  const other = lead === leadA ? leadB : leadA;
  const assist = r.assists.find((a) => a.memberId === config.assistantId);
  const list: Candidate[] = [];
  const add = (name: string, weight: number, actorId: string | null, traced: boolean, send: Candidate['send']): void => {
    list.push({ name, weight, actorId, traced, send });
  };
  // A request in a working state always has a lead; the guard keeps a lead's command from going out as the system's.
  const addLead = (name: string, weight: number, traced: boolean, send: Candidate['send']): void => {
    if (lead !== null) add(name, weight, lead, traced, send);
  };

  if ([...OPEN, 'replied'].includes(r.status)) {
    add('note', 1, null, true, (s, t) => s.requests.note({ requestId, version, text: `进展 ${t}` }));
    add('supervise', 0.3, null, true, (s, t) => s.requests.supervise({ requestId, version, note: `督办 ${t}` }));
  }
  if (OPEN.includes(r.status)) add('withdraw', 0.03, null, true, (s, t) => s.requests.withdraw({ requestId, version, reason: `企业撤回 ${t}` }));
  if (WORKING.includes(r.status)) {
    add('reassign', 0.5, null, true, (s, t) => s.requests.reassign({ requestId, version, assigneeId: other, teamId: config.legalTeamId, reason: `改派 ${t}` }));
    if (!assist) add('add_assist', 0.5, null, true, (s, t) => s.requests.addAssist({ requestId, version, memberId: config.assistantId, note: `协办 ${t}` }));
    if (assist?.status === 'pending') add('sign_assist', 1, config.assistantId, false, (s) => s.requests.signAssist({ requestId, version }));
  }
  if (assist && assist.status !== 'pending' && ['accepted', 'in_progress', 'paused'].includes(r.status)) {
    add('contribute', 0.5, config.assistantId, true, (s, t) => s.requests.contribute({ requestId, version, text: `协办意见 ${t}` }));
  }
  switch (r.status) {
    case 'submitted': {
      const to = random() < 0.5 ? leadA : leadB;
      add('assign', 6, null, true, (s, t) => s.requests.assign({ requestId, version, assigneeId: to, teamId: config.legalTeamId, note: `派单 ${t}` }));
      break;
    }
    case 'assigned':
      addLead('accept', 5, false, (s) => s.requests.accept({ requestId, version }));
      addLead('return', 1, true, (s, t) => s.requests.return({ requestId, version, reason: `不属于本单位 ${t}` }));
      break;
    case 'accepted':
      addLead('start', 4, false, (s) => s.requests.start({ requestId, version }));
      addLead('reply', 1, true, (s, t) => s.requests.reply({ requestId, version, outcome: 'explained', note: `已解释政策 ${t}` }));
      addLead('return', 0.5, true, (s, t) => s.requests.return({ requestId, version, reason: `不属于本单位 ${t}` }));
      break;
    case 'in_progress':
      addLead('pause', 1, true, (s, t) => s.requests.pause({ requestId, version, reason: `等待材料 ${t}` }));
      addLead('reply', 2, true, (s, t) => s.requests.reply({ requestId, version, outcome: 'solved', note: `已办理 ${t}` }));
      break;
    case 'paused':
      addLead('resume', 3, true, (s, t) => s.requests.resume({ requestId, version, note: `材料已到 ${t}` }));
      break;
    case 'returned': {
      const to = r.returnInfo?.returnedById === leadA ? leadB : leadA;
      add('redispatch', 1, null, true, (s, t) => s.requests.redispatch({ requestId, version, assigneeId: to, teamId: config.legalTeamId, note: `重新派单 ${t}` }));
      add('overrule_return', 1, null, true, (s, t) => s.requests.overruleReturn({ requestId, version, reason: `属于法律服务 ${t}` }));
      break;
    }
    case 'replied':
      add('redo', 3, null, true, (s, t) => s.requests.followUp({ requestId, version, rating: 'unsatisfied', comment: `不满意 ${t}` }));
      // Rare, so that most requests stay open for the whole run.
      add('follow_up', 0.1, null, true, (s, t) => s.requests.followUp({ requestId, version, rating: 'satisfied', comment: `满意 ${t}` }));
      add('close', 0.1, null, true, (s, t) => s.requests.close({ requestId, version, note: `办结 ${t}` }));
      break;
  }
  return list;
}

function choose(list: Candidate[]): Candidate {
  const total = list.reduce((sum, c) => sum + c.weight, 0);
  let at = random() * total;
  for (const c of list) {
    at -= c.weight;
    if (at < 0) return c;
  }
  return list[list.length - 1] as Candidate;
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}${error.cause ? ` (cause: ${String(error.cause)})` : ''}` : String(error));

const log: WriterLog = { worker, seed, sent: 0, accepted: [], conflicts: 0, refusals: {}, refusalSamples: [], unexpected: [], durationMs: 0 };
const started = Date.now();
let terminalPicks = 0;
try {
  while (log.sent < config.commands) {
    const requestId = pickRequestId();
    let read: ServiceRequest;
    try {
      read = (await system.requests.get(requestId)).request;
    } catch (error) {
      log.unexpected.push(`read of ${requestId}: ${describe(error)}`);
      if (log.unexpected.length >= 20) break;
      continue;
    }
    const list = candidatesFor(read);
    if (list.length === 0) {
      // Closed, withdrawn or merged: nothing to send. Give up only if everything is closed.
      if (++terminalPicks > 50 * config.requestIds.length) break;
      continue;
    }
    const candidate = choose(list);
    const token = `[w${worker}#${log.sent}]`;
    log.sent++;
    try {
      const committed = await candidate.send(sessionOf(candidate.actorId), token);
      if (committed.version !== read.version + 1) {
        log.unexpected.push(`${candidate.name} on ${requestId} read at v${read.version} returned v${committed.version}`);
      }
      const entry: AcceptedCommand = { requestId, version: committed.version, command: candidate.name, actorId: candidate.actorId, token: candidate.traced ? token : null };
      log.accepted.push(entry);
    } catch (error) {
      if (isKechuangError(error) && error.code === 'CONFLICT') log.conflicts++;
      else if (isKechuangError(error) && error.code !== 'STORAGE_ERROR') {
        log.refusals[error.code] = (log.refusals[error.code] ?? 0) + 1;
        if (log.refusalSamples.length < 10) log.refusalSamples.push(`${candidate.name} on ${requestId} v${read.version} (${read.status}): ${error.code} ${error.message}`);
      } else {
        log.unexpected.push(`${candidate.name} on ${requestId} v${read.version}: ${describe(error)}`);
        if (log.unexpected.length >= 20) break;
      }
    }
  }
} finally {
  log.durationMs = Date.now() - started;
  writeFileSync(logPath, JSON.stringify(log));
  await storage.close?.();
}
console.log(
  `[writer ${worker}] sent ${log.sent}, accepted ${log.accepted.length}, conflicts ${log.conflicts}, ` +
    `other refusals ${JSON.stringify(log.refusals)}, unexpected ${log.unexpected.length}, ${log.durationMs} ms`,
);
