import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submission } from '../__fixtures__/small-office.js';
import { twoOffices } from '../__fixtures__/two-offices.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { CommunitySession } from '../session.js';
import { defaultWorkflow } from '../workflow/default-workflow.js';

/**
 * Random command sequences by random actors of two offices. After every step and at the end:
 * version = committed commands = highest seq; timelines only grow, in (seq, index) order;
 * every state change is an allowed transition; nothing of another office is ever returned.
 */

type Fixture = Awaited<ReturnType<typeof twoOffices>>;
const A_PERSONAS = ['system', 'stationHead', 'dispatcher', 'officeStaff', 'commissioner', 'lead', 'assisting', 'otherProvider', 'captain', 'contact'] as const;
const B_PERSONAS = ['systemB', 'headB', 'leadB'] as const;
type Persona = (typeof A_PERSONAS)[number] | (typeof B_PERSONAS)[number];
const COMMANDS = [
  'submit', 'assign', 'reassign', 'accept', 'return', 'redispatch', 'overrule', 'start', 'pause', 'resume', 'reply', 'note',
  'addAssist', 'signAssist', 'contribute', 'followUp', 'redo', 'close', 'merge', 'withdraw', 'staleAccept', 'progress',
] as const;
type Command = (typeof COMMANDS)[number];
interface Step {
  command: Command;
  persona: Persona;
  target: number;
  other: number;
}

function sessionOf(fx: Fixture, persona: Persona): CommunitySession {
  if (persona === 'system') return fx.a.system;
  if (persona === 'systemB') return fx.b.system;
  if (persona === 'headB') return fx.b.as(fx.b.head.id);
  if (persona === 'leadB') return fx.b.as(fx.b.lead.id);
  return fx.a.as(fx.a.members[persona].id);
}

function officeOf(fx: Fixture, persona: Persona): string {
  return (B_PERSONAS as readonly string[]).includes(persona) ? fx.b.office.id : fx.a.office.id;
}

async function run(fx: Fixture, s: CommunitySession, step: Step, ids: string[], persona: Persona): Promise<ServiceRequest> {
  const requestId = ids[step.target % Math.max(ids.length, 1)] ?? 'missing';
  const otherId = ids[step.other % Math.max(ids.length, 1)] ?? 'missing';
  const m = fx.a.members;
  switch (step.command) {
    case 'submit':
      return persona === 'systemB' || persona === 'headB' || persona === 'leadB'
        ? s.requests.submit({ communityId: fx.b.mc.id, enterpriseId: fx.b.enterprise.id, channel: 'online', category: 'policy', title: '政策咨询' })
        : s.requests.submit(submission(fx.a));
    case 'assign':
      return s.requests.assign({ requestId, assigneeId: step.other % 2 ? m.lead.id : fx.b.lead.id, teamId: null });
    case 'reassign':
      return s.requests.reassign({ requestId, assigneeId: step.other % 2 ? m.assisting.id : m.lead.id, reason: '调整承办人' });
    case 'accept':
      return s.requests.accept({ requestId });
    case 'staleAccept':
      return s.requests.accept({ requestId, version: 1 + (step.other % 3) });
    case 'return':
      return s.requests.return({ requestId, reason: '不属于本单位', suggestedOwnerId: m.commissioner.id });
    case 'redispatch':
      return s.requests.redispatch({ requestId, assigneeId: m.lead.id });
    case 'overrule':
      return s.requests.overruleReturn({ requestId, reason: '职责范围内' });
    case 'start':
      return s.requests.start({ requestId });
    case 'pause':
      return s.requests.pause({ requestId, reason: '等待企业补充材料' });
    case 'resume':
      return s.requests.resume({ requestId });
    case 'reply':
      return s.requests.reply({ requestId, outcome: (['solved', 'explained', 'unsolvable', 'out_of_scope'] as const)[step.other % 4] ?? 'solved', note: '已办理' });
    case 'note':
      return s.requests.note({ requestId, text: '进展说明' });
    case 'addAssist':
      return s.requests.addAssist({ requestId, memberId: step.other % 2 ? m.assisting.id : m.otherProvider.id });
    case 'signAssist':
      return s.requests.signAssist({ requestId });
    case 'contribute':
      return s.requests.contribute({ requestId, text: '协办意见' });
    case 'followUp':
      return s.requests.followUp({ requestId, rating: step.other % 2 ? 'satisfied' : 'basically_satisfied' });
    case 'redo':
      return s.requests.followUp({ requestId, rating: 'unsatisfied', comment: '问题未解决' });
    case 'close':
      return s.requests.close({ requestId });
    case 'merge':
      return s.requests.merge({ requestId, duplicateOfId: otherId });
    case 'withdraw':
      return s.requests.withdraw({ requestId, reason: '企业撤回' });
    case 'progress':
      throw new Error('progress is resolved to a concrete command before it runs');
  }
}

const EXPECTED_ERRORS = new Set(['NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'CONFLICT', 'VALIDATION_FAILED', 'DUPLICATE']);

function allowedChange(from: string, to: string): boolean {
  return defaultWorkflow.transitions.some((t) => t.from.includes(from) && (t.to ?? from) === to);
}

function checkTimeline(request: ServiceRequest, timeline: TimelineEntry[], previous: TimelineEntry[] | undefined): void {
  expect(Math.max(...timeline.map((e) => e.seq))).toBe(request.version);
  const seqs = [...new Set(timeline.map((e) => e.seq))];
  expect(seqs).toEqual(Array.from({ length: request.version }, (_, i) => i + 1));
  for (let i = 1; i < timeline.length; i++) {
    const [p, c] = [timeline[i - 1]!, timeline[i]!];
    expect(c.seq > p.seq || (c.seq === p.seq && c.index === p.index + 1)).toBe(true);
  }
  if (previous) expect(timeline.slice(0, previous.length)).toEqual(previous);
}

/** The actor most likely to be allowed each command, so sequences make progress. */
const LIKELY: Record<Command, Persona> = {
  submit: 'captain', assign: 'stationHead', reassign: 'dispatcher', accept: 'lead', return: 'lead', redispatch: 'stationHead',
  overrule: 'dispatcher', start: 'lead', pause: 'lead', resume: 'lead', reply: 'lead', note: 'commissioner', addAssist: 'lead',
  signAssist: 'assisting', contribute: 'assisting', followUp: 'officeStaff', redo: 'commissioner', close: 'system',
  merge: 'stationHead', withdraw: 'contact', staleAccept: 'lead', progress: 'system',
};

/** The natural next command for a state, so that sequences reach deep into the lifecycle. */
const NEXT: Record<string, [Command, Persona]> = {
  submitted: ['assign', 'stationHead'],
  assigned: ['accept', 'lead'],
  accepted: ['start', 'lead'],
  in_progress: ['reply', 'lead'],
  paused: ['resume', 'lead'],
  replied: ['redo', 'officeStaff'],
  returned: ['redispatch', 'dispatcher'],
};
const anyPersona = fc.constantFrom<Persona>(...A_PERSONAS, ...B_PERSONAS);
const step = fc
  .record({ command: fc.oneof({ weight: 3, arbitrary: fc.constant<Command>('progress') }, { weight: 4, arbitrary: fc.constantFrom(...COMMANDS) }), likely: fc.integer({ min: 0, max: 9 }).map((n) => n < 7), anyone: anyPersona, target: fc.nat(3), other: fc.nat(20) })
  .map(({ command, likely, anyone, target, other }): Step => ({ command, persona: likely ? LIKELY[command] : anyone, target, other }));

describe('random command sequences (property)', () => {
  it('keep versions, timelines, transitions and tenants consistent', async () => {
    let committed = 0;
    let refused = 0;
    let seeded = 0;
    const deepest = { closed: 0, redone: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }), async (steps) => {
        const fx = await twoOffices();
        const ids: string[] = [];
        const commits = new Map<string, number>();
        const timelines = new Map<string, TimelineEntry[]>();
        // Every sequence starts with two requests in office A and one in office B.
        const seed: Step[] = [
          { command: 'submit', persona: 'captain', target: 0, other: 0 },
          { command: 'submit', persona: 'system', target: 0, other: 0 },
          { command: 'submit', persona: 'systemB', target: 0, other: 0 },
        ];
        for (const st of [...seed, ...steps]) {
          let current = st;
          if (st.command === 'progress') {
            // Progress always works on office A's requests (ids 0 and 1), with its natural next step.
            const target = st.target % 2;
            const status = (await fx.a.system.requests.get(ids[target]!)).request.status;
            const [command, persona] = NEXT[status] ?? ['note', 'system'];
            // Alternate redo and close on replied requests so both paths are walked.
            current = { command: command === 'redo' && st.other % 2 ? 'followUp' : command, persona, target, other: command === 'assign' ? 1 : st.other };
          }
          const targetId = ids[current.target % Math.max(ids.length, 1)];
          const before = targetId ? (await fx.a.system.requests.get(targetId).catch(() => fx.b.system.requests.get(targetId))).request : undefined;
          let result: ServiceRequest;
          try {
            result = await run(fx, sessionOf(fx, current.persona), current, ids, current.persona);
          } catch (error) {
            if (!isKechuangError(error) || !EXPECTED_ERRORS.has(error.code)) throw error;
            refused++;
            continue;
          }
          if (seed.includes(st)) seeded++;
          else committed++;
          expect(result.officeId).toBe(officeOf(fx, current.persona));
          if (current.command === 'submit') {
            if (!commits.has(result.id)) ids.push(result.id);
            commits.set(result.id, 1);
          } else {
            expect(before).toBeDefined();
            expect(allowedChange(before!.status, result.status)).toBe(true);
            commits.set(result.id, (commits.get(result.id) ?? 0) + 1);
          }
          const { request, timeline } = await sessionOf(fx, current.persona).requests.get(result.id);
          expect(request).toEqual(result);
          expect(request.version).toBe(commits.get(result.id));
          checkTimeline(request, timeline, timelines.get(result.id));
          timelines.set(result.id, timeline);
          if (request.status === 'closed') deepest.closed++;
          if (request.redoCount > 0) deepest.redone++;
        }
        // Tenant isolation: each office's lists hold only its own requests, and each
        // office's actors cannot read the other's requests.
        for (const persona of [...A_PERSONAS, ...B_PERSONAS]) {
          const s = sessionOf(fx, persona);
          const office = officeOf(fx, persona);
          const page = await s.requests.list({ limit: 500 });
          expect(page.items.every((r) => r.officeId === office)).toBe(true);
          for (const id of ids) {
            const owner = (await fx.a.system.requests.get(id).catch(() => null)) ? fx.a.office.id : fx.b.office.id;
            if (owner !== office) await expect(s.requests.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
          }
        }
      }),
      { numRuns: 1000 },
    );
    console.info(`command sequences over 1,000 runs: ${seeded} seed submits, then ${committed} random commands committed and ${refused} refused; ${deepest.closed} commits reached closed, ${deepest.redone} were on redone requests`);
    // The generator must actually exercise both paths.
    expect(committed).toBeGreaterThan(3000);
    expect(refused).toBeGreaterThan(1000);
    expect(deepest.closed).toBeGreaterThan(100);
    expect(deepest.redone).toBeGreaterThan(100);
  }, 600_000);
});
