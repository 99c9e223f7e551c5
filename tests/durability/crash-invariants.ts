import type { Community, Row, StorageAdapter } from '@kechuang/community';

/** One `OK <requestId> <version> <command>` line: a command the child saw commit. */
export interface ConfirmedCommand {
  requestId: string;
  version: number;
  command: string;
}

/** What one check looked at, for the run's totals. */
export interface CrashCheckCounts {
  requests: number;
  timelineEntries: number;
  timers: number;
  pendingTimers: number;
  parties: number;
  decoded: number;
  /** The sum of all request versions: the number of commands committed so far. */
  committedCommands: number;
}

export interface CrashCheckResult {
  violations: string[];
  counts: CrashCheckCounts;
}

const TERMINAL = new Set(['closed', 'withdrawn', 'merged']);
const SLA_KINDS = new Set(['sla.reminder', 'sla.escalation']);
const TIMER_STATUSES = new Set(['pending', 'leased', 'fired', 'cancelled', 'failed']);

const str = (row: Row, field: string): string => String(row[field]);
const num = (row: Row, field: string): number => Number(row[field]);

/** Whether the SLA clock runs for a request, i.e. it should hold pending reminder/escalation timers. */
function clockRuns(request: Row): boolean {
  const status = str(request, 'status');
  return status !== 'replied' && !TERMINAL.has(status) && request['pausedAt'] === null && request['resolveDueAt'] !== null;
}

function groupBy(rows: Row[], field: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = str(row, field);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Checks a database a process was killed on, through a fresh adapter and SDK: every command
 * the child confirmed is there, and nothing is half-written — versions match their timelines
 * (seqs 1..version, no gaps), no timeline entry, party row or timer outlives its request, the
 * pending SLA timers are exactly those of one schedule for requests whose clock runs, and the
 * requests decode through `requests.get`.
 *
 * `verified` maps request ids to the version already decoded by an earlier check; only new or
 * changed requests are decoded again, and the map is brought up to date.
 */
export async function checkCrashedDatabase(
  storage: StorageAdapter,
  community: Community,
  officeId: string,
  confirmed: readonly ConfirmedCommand[],
  escalationSteps: number,
  verified: Map<string, number>,
): Promise<CrashCheckResult> {
  const violations: string[] = [];
  const fail = (message: string): void => {
    violations.push(message);
  };
  const requests = await storage.findMany({ model: 'request' });
  const entries = await storage.findMany({ model: 'timeline_entry' });
  const timers = await storage.findMany({ model: 'timer' });
  const parties = await storage.findMany({ model: 'request_party' });
  const byId = new Map(requests.map((r) => [str(r, 'id'), r]));
  const entriesOf = groupBy(entries, 'requestId');
  const timersOf = groupBy(timers, 'requestId');

  for (const c of confirmed) {
    const request = byId.get(c.requestId);
    if (!request) {
      fail(`confirmed ${c.command} of ${c.requestId} at v${c.version}: the request is missing`);
      continue;
    }
    if (num(request, 'version') < c.version) fail(`confirmed ${c.command} of ${c.requestId} at v${c.version}: the request is at v${num(request, 'version')}`);
    if (!(entriesOf.get(c.requestId) ?? []).some((e) => num(e, 'seq') === c.version)) {
      fail(`confirmed ${c.command} of ${c.requestId} at v${c.version}: no timeline entry with seq ${c.version}`);
    }
  }

  for (const request of requests) {
    const id = str(request, 'id');
    const version = num(request, 'version');
    if (str(request, 'officeId') !== officeId) fail(`request ${id} belongs to office ${str(request, 'officeId')}`);
    const own = (entriesOf.get(id) ?? []).sort((a, b) => num(a, 'seq') - num(b, 'seq') || num(a, 'index') - num(b, 'index'));
    const seqs = [...new Set(own.map((e) => num(e, 'seq')))];
    const expected = Array.from({ length: version }, (_, i) => i + 1);
    if (seqs.join(',') !== expected.join(',')) fail(`request ${id} v${version} has timeline seqs [${seqs.join(',')}], not 1..${version}`);
    for (const [seq, group] of groupBy(own, 'seq')) {
      const indexes = group.map((e) => num(e, 'index'));
      if (indexes.join(',') !== indexes.map((_, i) => i).join(',')) fail(`request ${id} seq ${seq} has entry indexes [${indexes.join(',')}]`);
    }
    if (own[0] && str(own[0], 'type') !== 'submitted') fail(`request ${id} starts its timeline with '${str(own[0], 'type')}'`);
    const lastMove = own.filter((e) => e['toStatus'] !== null).at(-1);
    if (lastMove && str(lastMove, 'toStatus') !== str(request, 'status')) {
      fail(`request ${id} is '${str(request, 'status')}' but its last transition (seq ${num(lastMove, 'seq')}) went to '${str(lastMove, 'toStatus')}'`);
    }

    const pending = (timersOf.get(id) ?? []).filter((t) => ['pending', 'leased'].includes(str(t, 'status')));
    if (clockRuns(request)) {
      const escalations = pending.filter((t) => str(t, 'kind') === 'sla.escalation').length;
      if (escalations !== escalationSteps) fail(`request ${id} ('${str(request, 'status')}', clock running) has ${escalations} pending escalation timers, not ${escalationSteps}`);
    } else if (pending.length > 0) {
      fail(`request ${id} ('${str(request, 'status')}', paused: ${request['pausedAt'] !== null}) still has ${pending.length} pending timers`);
    }
    const schedules = new Set(pending.map((t) => str(t, 'key').split(':').slice(0, 2).join(':')));
    if (schedules.size > 1) fail(`request ${id} has pending timers of ${schedules.size} schedules: ${[...schedules].join(', ')}`);
  }

  for (const entry of entries) {
    if (!byId.has(str(entry, 'requestId'))) fail(`timeline entry ${str(entry, 'id')} (seq ${num(entry, 'seq')}) belongs to missing request ${str(entry, 'requestId')}`);
  }
  for (const party of parties) {
    if (!byId.has(str(party, 'requestId'))) fail(`request_party ${str(party, 'id')} belongs to missing request ${str(party, 'requestId')}`);
  }
  for (const timer of timers) {
    const requestId = timer['requestId'];
    const label = `timer ${str(timer, 'key')} (${str(timer, 'status')})`;
    if (!TIMER_STATUSES.has(str(timer, 'status'))) fail(`${label} has an unknown status`);
    if (typeof requestId !== 'string') {
      fail(`${label} belongs to no request`);
      continue;
    }
    if (!byId.has(requestId)) fail(`${label} belongs to missing request ${requestId}`);
    if (SLA_KINDS.has(str(timer, 'kind')) && !str(timer, 'key').startsWith(`${requestId}:`)) fail(`${label} is keyed for another request than ${requestId}`);
  }

  // Decoding through the SDK proves the rows are whole records, not just rows.
  const system = community.as({ kind: 'system', officeId });
  let decoded = 0;
  for (const request of requests) {
    const id = str(request, 'id');
    const version = num(request, 'version');
    if (verified.get(id) === version) continue;
    try {
      const got = await system.requests.get(id);
      decoded++;
      if (got.request.version !== version) fail(`requests.get(${id}) returned v${got.request.version}, the row is v${version}`);
      if (got.timeline.length !== (entriesOf.get(id) ?? []).length) fail(`requests.get(${id}) returned ${got.timeline.length} timeline entries, storage holds ${(entriesOf.get(id) ?? []).length}`);
      verified.set(id, version);
    } catch (error) {
      fail(`requests.get(${id}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    violations,
    counts: {
      requests: requests.length,
      timelineEntries: entries.length,
      timers: timers.length,
      pendingTimers: timers.filter((t) => ['pending', 'leased'].includes(str(t, 'status'))).length,
      parties: parties.length,
      decoded,
      committedCommands: requests.reduce((sum, r) => sum + num(r, 'version'), 0),
    },
  };
}
