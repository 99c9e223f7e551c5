import { isKechuangError, type CommunitySession, type DirectoryApi, type ErrorCode, type KechuangError, type RecordBase } from '@kechuang/community';
import { commands, isTheirs, type Attack, type BorrowedCall } from './tenant-isolation-attacks.js';
import { modelOf, otherSide, type DirectoryKey, type OfficeWorld, type TwoOfficeWorld, type WorldActor } from './tenant-isolation-world.js';

type Settled<T> = { ok: true; value: T } | { ok: false; error: KechuangError };

/** Runs `call`, keeping a KechuangError as a result; anything else (a crash, a string) fails the property. */
async function settle<T>(call: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (isKechuangError(error)) return { ok: false, error };
    throw error;
  }
}

const preview = (value: unknown): string => (JSON.stringify(value) ?? 'undefined').slice(0, 600);

function breach(attack: Attack, what: string): never {
  throw new Error(`Tenant isolation broken: ${what}\n  attack: ${preview(attack)}`);
}

function refusedWith(attack: Attack, settled: Settled<unknown>, codes: readonly ErrorCode[]): ErrorCode {
  if (settled.ok) breach(attack, `expected ${codes.join(' or ')}, but the call succeeded with ${preview(settled.value)}`);
  const code = settled.error.code;
  if (!(codes as readonly string[]).includes(code)) breach(attack, `expected ${codes.join(' or ')}, got ${settled.error.code}: ${settled.error.message}`);
  return code as ErrorCode;
}

function succeeded<T>(attack: Attack, settled: Settled<T>): T {
  if (!settled.ok) breach(attack, `expected the call to succeed without the other office's rows, got ${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

/** No name, code or key that only the other office uses may appear in what the call returned or threw. */
function revealsNothing(attack: Attack, them: OfficeWorld, settled: Settled<unknown>): void {
  const given = JSON.stringify(attack);
  const seen = settled.ok ? JSON.stringify(settled.value) ?? '' : JSON.stringify({ message: settled.error.message, details: settled.error.details });
  const leaked = them.ownWords.filter((w) => !given.includes(w) && seen.includes(w));
  if (leaked.length > 0) breach(attack, `the answer mentions the other office's ${leaked.map((w) => `'${w}'`).join(', ')}: ${seen.slice(0, 600)}`);
}

/** Every row belongs to our office and is one of our records; none of theirs. */
function onlyOurs(attack: Attack, us: OfficeWorld, them: OfficeWorld, rows: readonly { id: string; officeId: string }[], ours: readonly string[]): void {
  for (const row of rows) {
    if (row.officeId !== us.office.id || isTheirs(them, row.id) || !ours.includes(row.id)) {
      breach(attack, `a row of another office was returned: ${preview(row)}`);
    }
  }
}

function rowsOutcome(attack: Attack, rows: readonly unknown[], mustBeEmpty: boolean): string {
  if (mustBeEmpty && rows.length > 0) breach(attack, `a filter naming the other office's records matched ${rows.length} rows: ${preview(rows[0])}`);
  return rows.length === 0 ? 'empty' : 'own rows only';
}

function directoryApi(session: CommunitySession, key: DirectoryKey): DirectoryApi<RecordBase, unknown, unknown> {
  return session[key];
}

const idsOf = (world: OfficeWorld, key: DirectoryKey): string[] => world.directory[key].map((e) => e.id);
/** Our records of `key` that the policy lets `actor` read. */
const readableBy = (actor: WorldActor, world: OfficeWorld, key: DirectoryKey): string[] => idsOf(world, key).filter((id) => !actor.hiddenInDirectory.has(id));

async function borrowed(session: CommunitySession, call: BorrowedCall, home: OfficeWorld, id: string): Promise<unknown> {
  const communityId = idsOf(home, 'communities')[0] ?? '';
  switch (call) {
    case 'requests.list':
      return session.requests.list();
    case 'requests.get':
      return session.requests.get(id);
    case 'requests.submit':
      return session.requests.submit({ communityId, channel: 'phone', category: 'other', title: '冒用身份提交' });
    case 'requests.note':
      return session.requests.note({ requestId: id, text: '冒用身份备注' });
    case 'parks.list':
      return session.parks.list();
    case 'members.get':
      return session.members.get(id);
    case 'enterprises.lifecycle':
      return session.enterprises.lifecycle(id);
    case 'visits.get':
      return session.visits.get(id);
    case 'config.get':
      return session.config.get();
    case 'routing.explain':
      return session.routing.explain({ communityId, channel: 'phone', category: 'other', title: '冒用身份' });
  }
}

/**
 * Runs one attack and checks its answer: refused with the code the contract names, or rows of
 * the actor's own office only. Returns the outcome for the tally; throws on any breach.
 */
export async function runAttack(world: TwoOfficeWorld, attack: Attack): Promise<string> {
  const us = world[attack.attacker];
  const them = world[otherSide(attack.attacker)];
  const actor = us.actors.find((a) => a.label === attack.actor);
  const session = actor?.session;
  if (attack.kind === 'borrowed-identity') {
    const home = world[attack.office];
    const settled = await settle(() => borrowed(world.as({ kind: 'member', officeId: home.office.id, memberId: attack.memberId }), attack.call, home, attack.id));
    return refusedWith(attack, settled, ['FORBIDDEN']);
  }
  if (!actor || !session) throw new Error(`unknown actor ${attack.actor}`);
  let settled: Settled<unknown>;
  let outcome: string;
  switch (attack.kind) {
    case 'get-request': {
      settled = await settle(() => session.requests.get(attack.id));
      outcome = refusedWith(attack, settled, ['NOT_FOUND']);
      break;
    }
    case 'list-requests': {
      const s = await settle(() => session.requests.list(attack.filter));
      settled = s;
      const order = attack.filter.order ?? 'newest';
      if (attack.cursorScope !== null && attack.cursorScope !== `request:${order}`) {
        outcome = refusedWith(attack, s, ['INVALID_CURSOR']);
        break;
      }
      const page = succeeded(attack, s);
      onlyOurs(attack, us, them, page.items, us.requests.map((r) => r.id));
      const { communityId, parkId, enterpriseId, assigneeId } = attack.filter;
      outcome = rowsOutcome(attack, page.items, [communityId, parkId, enterpriseId, assigneeId].some((id) => id !== undefined && isTheirs(them, id)));
      break;
    }
    case 'lifecycle': {
      const s = await settle(() => session.enterprises.lifecycle(attack.enterpriseId));
      settled = s;
      // Another office's enterprise, or one of ours the policy keeps from this actor.
      if (attack.theirs || actor.hiddenInDirectory.has(attack.enterpriseId)) {
        outcome = refusedWith(attack, s, ['NOT_FOUND']);
        break;
      }
      const view = succeeded(attack, s);
      onlyOurs(attack, us, them, [view.enterprise], idsOf(us, 'enterprises'));
      onlyOurs(attack, us, them, view.requests, us.requests.map((r) => r.id));
      onlyOurs(attack, us, them, view.visits, us.visits.map((v) => v.id));
      if (view.requests.some((r) => r.enterpriseId !== attack.enterpriseId)) breach(attack, 'the life-cycle view lists another enterprise’s request');
      outcome = 'own rows only';
      break;
    }
    case 'get-directory': {
      settled = await settle(() => directoryApi(session, attack.key).get(attack.id));
      outcome = refusedWith(attack, settled, ['NOT_FOUND']);
      break;
    }
    case 'list-directory': {
      const s = await settle(() => directoryApi(session, attack.key).list(attack.options));
      settled = s;
      if (attack.cursorScope !== null && attack.cursorScope !== `${modelOf[attack.key]}:code`) {
        outcome = refusedWith(attack, s, ['INVALID_CURSOR']);
        break;
      }
      const page = succeeded(attack, s);
      onlyOurs(attack, us, them, page.items, readableBy(actor, us, attack.key));
      outcome = rowsOutcome(attack, page.items, Object.values(attack.options.filter ?? {}).some((v) => v !== null && isTheirs(them, v)));
      break;
    }
    case 'find-by-code': {
      const s = await settle(() => directoryApi(session, attack.key).findByCode(attack.code));
      settled = s;
      const found = succeeded(attack, s);
      if (found !== null) onlyOurs(attack, us, them, [found], readableBy(actor, us, attack.key));
      if (found === null && us.directory[attack.key].some((e) => e.code === attack.code && !actor.hiddenInDirectory.has(e.id))) breach(attack, 'our own record with this code was not found');
      outcome = found === null ? 'null' : 'own rows only';
      break;
    }
    case 'get-visit': {
      settled = await settle(() => session.visits.get(attack.id));
      outcome = refusedWith(attack, settled, ['NOT_FOUND']);
      break;
    }
    case 'read-config': {
      const s = await settle(async () => ({ current: await session.config.get(), history: await session.config.history() }));
      settled = s;
      const { current, history } = succeeded(attack, s);
      for (const stored of [...(current ? [current] : []), ...history]) {
        if (stored.officeId !== us.office.id) breach(attack, `a config of office ${stored.officeId} was returned`);
      }
      outcome = 'own rows only';
      break;
    }
    case 'explain-routing': {
      const s = await settle(() => session.routing.explain(attack.input));
      settled = s;
      const { facts, decision } = succeeded(attack, s);
      const { parkId, buildingId, enterpriseId } = attack.input;
      if (parkId && isTheirs(them, parkId) && facts.park !== null) breach(attack, `routing loaded their park ${preview(facts.park)}`);
      if (buildingId && isTheirs(them, buildingId) && facts.building !== null) breach(attack, `routing loaded their building ${preview(facts.building)}`);
      if (enterpriseId && isTheirs(them, enterpriseId) && facts.enterprise !== null) breach(attack, `routing loaded their enterprise ${preview(facts.enterprise)}`);
      if (decision.memberId !== null && !us.activeMemberIds.includes(decision.memberId)) breach(attack, `routing chose member ${decision.memberId} of another office`);
      if (decision.teamId !== null && !idsOf(us, 'teams').includes(decision.teamId)) breach(attack, `routing chose team ${decision.teamId} of another office`);
      outcome = 'own rows only';
      break;
    }
    case 'command-on-their-request': {
      settled = await settle(() => commands[attack.command](session.requests, attack.input));
      outcome = refusedWith(attack, settled, ['NOT_FOUND']);
      break;
    }
    case 'command-with-their-reference': {
      settled = await settle(() => commands[attack.command](session.requests, attack.input));
      if (attack.strict) {
        outcome = refusedWith(attack, settled, ['VALIDATION_FAILED']);
        const paths = settled.ok ? [] : (settled.error.details.issues ?? []).map((i) => i.path[0]);
        if (!paths.includes(attack.field)) breach(attack, `refused, but not for ${attack.field}: ${settled.ok ? '' : settled.error.message}`);
      } else {
        outcome = refusedWith(attack, settled, ['VALIDATION_FAILED', 'FORBIDDEN', 'INVALID_TRANSITION', 'NOT_FOUND']);
      }
      break;
    }
    case 'submit-in-their-place': {
      settled = await settle(() => session.requests.submit(attack.input));
      outcome = refusedWith(attack, settled, ['VALIDATION_FAILED']);
      break;
    }
    case 'visit-their-place': {
      settled = await settle(() => session.visits.record(attack.input));
      const mayVisit = actor.submitsFor.has(attack.input.enterpriseId);
      outcome = refusedWith(attack, settled, attack.field === 'enterpriseId' || mayVisit ? ['VALIDATION_FAILED'] : ['FORBIDDEN']);
      break;
    }
    case 'directory-write': {
      const api = directoryApi(session, attack.key);
      settled = await settle(() => (attack.call === 'create' ? api.create(attack.input) : attack.call === 'update' ? api.update(attack.input) : api.archive(attack.input as { id: string })));
      outcome = refusedWith(attack, settled, [!actor.managesDirectory ? 'FORBIDDEN' : attack.theirId ? 'NOT_FOUND' : 'VALIDATION_FAILED']);
      break;
    }
    case 'config-with-their-reference': {
      settled = await settle(() => session.config.update(attack.config));
      outcome = refusedWith(attack, settled, [actor.managesDirectory ? 'VALIDATION_FAILED' : 'FORBIDDEN']);
      if (!settled.ok && settled.error.code === 'VALIDATION_FAILED' && !/directory/.test(settled.error.message)) {
        breach(attack, `refused, but not by the directory check: ${settled.error.message}`);
      }
      break;
    }
  }
  revealsNothing(attack, them, settled);
  return outcome;
}
