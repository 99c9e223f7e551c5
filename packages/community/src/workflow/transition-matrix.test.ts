import { describe, expect, it } from 'vitest';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import type { CommunitySession } from '../session.js';

/**
 * Every command of the default workflow, from every state, by every kind of actor. The
 * expectations are written out by hand from the lifecycle the product promises, so a change
 * to the workflow data that breaks the promise fails here.
 */

type Persona =
  | 'system' | 'stationHead' | 'dispatcher' | 'officeStaff' | 'commissioner'
  | 'lead' | 'assisting' | 'otherProvider' | 'captain' | 'otherCaptain' | 'contact' | 'otherContact';
const PERSONAS: Persona[] = ['system', 'stationHead', 'dispatcher', 'officeStaff', 'commissioner', 'lead', 'assisting', 'otherProvider', 'captain', 'otherCaptain', 'contact', 'otherContact'];
const STATES = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'replied', 'returned', 'closed', 'withdrawn', 'merged'] as const;
type State = (typeof STATES)[number];

const DISPATCH: Persona[] = ['system', 'stationHead', 'dispatcher', 'officeStaff'];
const SETTLE: Persona[] = ['system', 'stationHead', 'dispatcher'];
const FOLLOW: Persona[] = [...DISPATCH, 'commissioner'];
const OPEN: State[] = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'returned'];
const WORKING: State[] = ['assigned', 'accepted', 'in_progress', 'paused'];

interface Case {
  /** Who may fire it. */
  allowed: Persona[];
  /** The states it may fire from. */
  from: State[];
  run(s: CommunitySession, id: string, fx: SmallOffice): Promise<unknown>;
  /** The state it leads to, or null when the state stays. */
  to: State | null;
}

const CASES: Record<string, Case> = {
  assign: { allowed: DISPATCH, from: ['submitted'], to: 'assigned', run: (s, id, fx) => s.requests.assign({ requestId: id, assigneeId: fx.members.lead.id, teamId: fx.legal.id }) },
  reassign: { allowed: DISPATCH, from: WORKING, to: 'assigned', run: (s, id, fx) => s.requests.reassign({ requestId: id, assigneeId: fx.members.otherProvider.id, reason: '专业不对口' }) },
  accept: { allowed: ['lead'], from: ['assigned'], to: 'accepted', run: (s, id) => s.requests.accept({ requestId: id }) },
  return: { allowed: ['lead'], from: ['assigned', 'accepted'], to: 'returned', run: (s, id) => s.requests.return({ requestId: id, reason: '不属于本单位职责' }) },
  redispatch: { allowed: SETTLE, from: ['returned'], to: 'assigned', run: (s, id, fx) => s.requests.redispatch({ requestId: id, assigneeId: fx.members.otherProvider.id }) },
  overrule_return: { allowed: SETTLE, from: ['returned'], to: 'assigned', run: (s, id) => s.requests.overruleReturn({ requestId: id, reason: '属于法律服务范围' }) },
  start: { allowed: ['lead'], from: ['accepted'], to: 'in_progress', run: (s, id) => s.requests.start({ requestId: id }) },
  pause: { allowed: ['lead'], from: ['in_progress'], to: 'paused', run: (s, id) => s.requests.pause({ requestId: id, reason: '等待企业补充聊天记录' }) },
  resume: { allowed: ['lead'], from: ['paused'], to: 'in_progress', run: (s, id) => s.requests.resume({ requestId: id }) },
  reply: { allowed: ['lead'], from: ['accepted', 'in_progress'], to: 'replied', run: (s, id) => s.requests.reply({ requestId: id, outcome: 'solved', note: '已协助追回欠款' }) },
  follow_up: { allowed: FOLLOW, from: ['replied'], to: 'closed', run: (s, id) => s.requests.followUp({ requestId: id, rating: 'satisfied' }) },
  redo: { allowed: FOLLOW, from: ['replied'], to: 'assigned', run: (s, id) => s.requests.followUp({ requestId: id, rating: 'unsatisfied' }) },
  close: { allowed: DISPATCH, from: ['replied'], to: 'closed', run: (s, id) => s.requests.close({ requestId: id }) },
  merge: { allowed: DISPATCH, from: OPEN, to: 'merged', run: (s, id, fx) => s.requests.merge({ requestId: id, duplicateOfId: original(fx) }) },
  withdraw: { allowed: [...SETTLE, 'captain', 'contact'], from: OPEN, to: 'withdrawn', run: (s, id) => s.requests.withdraw({ requestId: id, reason: '企业已自行解决' }) },
  add_assist: { allowed: [...DISPATCH, 'lead'], from: WORKING, to: null, run: (s, id, fx) => s.requests.addAssist({ requestId: id, memberId: fx.members.commissioner.id }) },
  sign_assist: { allowed: ['assisting'], from: WORKING, to: null, run: (s, id) => s.requests.signAssist({ requestId: id }) },
  contribute: { allowed: ['assisting'], from: ['accepted', 'in_progress', 'paused'], to: null, run: (s, id) => s.requests.contribute({ requestId: id, text: '已审阅聊天记录中的证据' }) },
  note: { allowed: [...FOLLOW, 'lead', 'assisting', 'captain'], from: [...OPEN, 'replied'], to: null, run: (s, id) => s.requests.note({ requestId: id, text: '已电话联系企业' }) },
  supervise: { allowed: ['system', 'stationHead', 'officeStaff'], from: [...OPEN, 'replied'], to: null, run: (s, id) => s.requests.supervise({ requestId: id, note: '督办' }) },
};
// request_extension and decide_extension also depend on the request's SLA policy; their
// roles and states are covered in sla/sla.test.ts.

let originalId = '';
const original = (_fx: SmallOffice): string => originalId;

/** Who can see a request in `state` (built by `requestIn`). */
function sees(persona: Persona, state: State): boolean {
  if ([...FOLLOW, 'captain', 'contact'].includes(persona)) return true;
  if (persona === 'lead' || persona === 'assisting') return state !== 'submitted';
  return false;
}

/** A fresh request in `state`, submitted by the park-1 captain; `prepareContribution` signs the assist. */
async function requestIn(fx: SmallOffice, state: State, prepareContribution: boolean): Promise<string> {
  const sys = fx.system;
  const lead = fx.as(fx.members.lead.id);
  const r = await fx.as(fx.members.captain.id).requests.submit(submission(fx, { parkId: fx.park1.id }));
  const id = r.id;
  if (state === 'submitted') return id;
  await sys.requests.assign({ requestId: id, assigneeId: fx.members.lead.id, teamId: fx.legal.id });
  await sys.requests.addAssist({ requestId: id, memberId: fx.members.assisting.id });
  if (prepareContribution) await fx.as(fx.members.assisting.id).requests.signAssist({ requestId: id });
  if (state === 'assigned') return id;
  if (state === 'returned') return (await lead.requests.return({ requestId: id, reason: '非本单位' })).id;
  if (state === 'withdrawn') return (await sys.requests.withdraw({ requestId: id, reason: '撤回' })).id;
  if (state === 'merged') return (await sys.requests.merge({ requestId: id, duplicateOfId: originalId })).id;
  await lead.requests.accept({ requestId: id });
  if (state === 'accepted') return id;
  if (state === 'replied' || state === 'closed') {
    await lead.requests.reply({ requestId: id, outcome: 'explained', note: '已解释政策' });
    if (state === 'closed') await sys.requests.followUp({ requestId: id, rating: 'satisfied' });
    return id;
  }
  await lead.requests.start({ requestId: id });
  if (state === 'paused') await lead.requests.pause({ requestId: id, reason: '等待材料' });
  return id;
}

function expected(c: Case, state: State, persona: Persona): string {
  if (!sees(persona, state)) return 'NOT_FOUND';
  if (!c.from.includes(state)) return 'INVALID_TRANSITION';
  return c.allowed.includes(persona) ? 'ok' : 'FORBIDDEN';
}

let checks = 0;

describe('default workflow: every command × state × role', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      // A fresh office per command keeps each in-memory store small.
      const fx = await smallOffice();
      originalId = (await fx.system.requests.submit(submission(fx, { title: '原始诉求' }))).id;
      const mismatches: string[] = [];
      for (const state of STATES) {
        for (const persona of PERSONAS) {
          const id = await requestIn(fx, state, name === 'contribute');
          const session = persona === 'system' ? fx.system : fx.as(fx.members[persona].id);
          const before = await fx.system.requests.get(id);
          let outcome: string;
          try {
            await c.run(session, id, fx);
            outcome = 'ok';
          } catch (error) {
            if (!isKechuangError(error)) throw error;
            outcome = error.code;
          }
          checks++;
          const want = expected(c, state, persona);
          if (outcome !== want) mismatches.push(`${name} from ${state} by ${persona}: got ${outcome}, expected ${want}`);
          const after = await fx.system.requests.get(id);
          if (outcome === 'ok') {
            expect(after.request.version).toBe(before.request.version + 1);
            expect(after.request.status).toBe(c.to ?? before.request.status);
          } else {
            // A refused command writes nothing.
            expect(after).toEqual(before);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('covered every combination', () => {
    expect(checks).toBe(Object.keys(CASES).length * STATES.length * PERSONAS.length);
  });
});
