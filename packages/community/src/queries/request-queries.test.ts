import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../model/request.js';
import type { CommunitySession } from '../session.js';
import { rejection } from '../__fixtures__/expect-error.js';
import { otherOffice } from '../__fixtures__/other-office.js';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import type { RequestListInput } from './request-queries.js';

const MINUTE = 60_000;

/**
 * Five requests, one minute apart:
 * r1 ent1/park1 phone legal — assigned to the lead (no team), the other provider assists;
 * r2 ent2/park2 walk-in policy — assigned to the other provider;
 * r3 no enterprise, online talent — submitted;
 * r4 ent1/park1 12345 policy — assigned to the lead through the legal team;
 * r5 ent2/park2 captain report — submitted by park 2's captain.
 */
async function fiveRequests() {
  const fx = await smallOffice();
  const head = fx.as(fx.members.stationHead.id);
  const at: Date[] = [];
  const submit = async (session: CommunitySession, input: Parameters<CommunitySession['requests']['submit']>[0]) => {
    at.push(fx.clock.now());
    const request = await session.requests.submit(input);
    fx.clock.advance(MINUTE);
    return request;
  };
  const r1 = await submit(fx.system, submission(fx, { title: 'r1' }));
  const r2 = await submit(fx.system, submission(fx, { title: 'r2', enterpriseId: fx.ent2.id, channel: 'walk_in', category: 'policy' }));
  const r3 = await submit(fx.system, submission(fx, { title: 'r3', enterpriseId: null, channel: 'online', category: 'talent' }));
  const r4 = await submit(fx.system, submission(fx, { title: 'r4', channel: 'hotline_12345', category: 'policy' }));
  const r5 = await submit(fx.as(fx.members.otherCaptain.id), submission(fx, { title: 'r5', enterpriseId: fx.ent2.id, channel: 'captain_report' }));
  await head.requests.assign({ requestId: r1.id, assigneeId: fx.members.lead.id });
  await head.requests.addAssist({ requestId: r1.id, memberId: fx.members.otherProvider.id });
  await head.requests.assign({ requestId: r2.id, assigneeId: fx.members.otherProvider.id });
  await head.requests.assign({ requestId: r4.id, assigneeId: fx.members.lead.id, teamId: fx.legal.id });
  return { fx, head, at, ids: { r1: r1.id, r2: r2.id, r3: r3.id, r4: r4.id, r5: r5.id } };
}

type Five = Awaited<ReturnType<typeof fiveRequests>>;
type Name = keyof Five['ids'];

/** The titles (r1…r5) a session lists with `filter`, on one page. */
async function titles(session: CommunitySession, filter: RequestListInput = {}): Promise<string[]> {
  return (await session.requests.list({ limit: 500, ...filter })).items.map((r) => r.title);
}

/** Every page of a list, following cursors; `between` runs after each page. */
async function walk(session: CommunitySession, filter: RequestListInput, between: () => Promise<void> = async () => undefined): Promise<ServiceRequest[]> {
  const all: ServiceRequest[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    if (++pages > 200) throw new Error('the walk did not end after 200 pages');
    const page = await session.requests.list({ ...filter, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
    await between();
  } while (cursor);
  return all;
}

describe('requests.get', () => {
  it('returns the request with its timeline in (seq, index) order', async () => {
    const fx = await smallOffice();
    const head = fx.as(fx.members.stationHead.id);
    const lead = fx.as(fx.members.lead.id);
    const { id } = await fx.system.requests.submit(submission(fx));
    await head.requests.assign({ requestId: id, assigneeId: fx.members.lead.id });
    await lead.requests.accept({ requestId: id });
    await lead.requests.reply({ requestId: id, outcome: 'solved', note: '已协助追回20余笔欠款' });
    const redone = await head.requests.followUp({ requestId: id, rating: 'unsatisfied', comment: '仍有欠款未追回' });
    const { request, timeline } = await lead.requests.get(id);
    expect(request).toEqual(redone);
    expect(timeline.map((e) => [e.seq, e.index, e.type])).toEqual([
      [1, 0, 'submitted'],
      [2, 0, 'assigned'],
      [3, 0, 'accepted'],
      [4, 0, 'replied'],
      [5, 0, 'followed_up'],
      [5, 1, 'redone'],
    ]);
    expect(timeline.every((e) => e.requestId === id && e.officeId === fx.office.id)).toBe(true);
    expect(request.version).toBe(timeline.at(-1)?.seq);
  });

  it("is NOT_FOUND for an invisible request, another office's request and an unknown id", async () => {
    const { fx, ids } = await fiveRequests();
    const other = await otherOffice(fx);
    await rejection(fx.as(fx.members.captain.id).requests.get(ids.r2), 'NOT_FOUND');
    await rejection(other.session.requests.get(ids.r1), 'NOT_FOUND');
    await rejection(other.system.requests.get(ids.r1), 'NOT_FOUND');
    await rejection(fx.system.requests.get('id-999999'), 'NOT_FOUND');
  });
});

describe('requests.list filters and order', () => {
  it.each<[string, (f: Five) => RequestListInput, Name[]]>([
    ['no filter (newest first)', () => ({}), ['r5', 'r4', 'r3', 'r2', 'r1']],
    ['oldest first', () => ({ order: 'oldest' }), ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['one status', () => ({ status: 'submitted' }), ['r5', 'r3']],
    ['several statuses', () => ({ status: ['assigned', 'closed'], order: 'oldest' }), ['r1', 'r2', 'r4']],
    ['park', ({ fx }) => ({ parkId: fx.park1.id }), ['r4', 'r1']],
    ['enterprise', ({ fx }) => ({ enterpriseId: fx.ent2.id }), ['r5', 'r2']],
    ['assignee', ({ fx }) => ({ assigneeId: fx.members.lead.id }), ['r4', 'r1']],
    ['category', () => ({ category: 'policy' }), ['r4', 'r2']],
    ['categories', () => ({ category: ['legal', 'talent'] }), ['r5', 'r3', 'r1']],
    ['channel', () => ({ channel: 'online' }), ['r3']],
    ['channels', () => ({ channel: ['phone', 'walk_in'] }), ['r2', 'r1']],
    ['community', ({ fx }) => ({ communityId: fx.mc.id, order: 'oldest' }), ['r1', 'r2', 'r3', 'r4', 'r5']],
    ['created range [from, to)', ({ at }) => ({ createdFrom: at[1] as Date, createdTo: at[3] as Date }), ['r3', 'r2']],
    ['created range as ISO strings', ({ at }) => ({ createdFrom: (at[3] as Date).toISOString() }), ['r5', 'r4']],
    ['filters together', ({ fx }) => ({ parkId: fx.park1.id, status: 'assigned', category: 'policy' }), ['r4']],
  ])('%s', async (_name, filter, expected) => {
    const five = await fiveRequests();
    expect(await titles(five.fx.system, filter(five))).toEqual(expected);
  });

  it('refuses an unknown filter and an invalid limit with VALIDATION_FAILED', async () => {
    const { fx } = await fiveRequests();
    await rejection(fx.system.requests.list({ title: 'r1' } as RequestListInput), 'VALIDATION_FAILED');
    await rejection(fx.system.requests.list({ limit: 0 }), 'VALIDATION_FAILED');
    await rejection(fx.system.requests.list({ channel: 'fax' as 'phone' }), 'VALIDATION_FAILED');
  });
});

describe('requests.list visibility', () => {
  it.each<[string, (fx: SmallOffice) => string, Name[]]>([
    ['a commissioner sees every request', (fx) => fx.members.commissioner.id, ['r5', 'r4', 'r3', 'r2', 'r1']],
    ['a captain sees their park only', (fx) => fx.members.captain.id, ['r4', 'r1']],
    ["the other park's captain sees theirs", (fx) => fx.members.otherCaptain.id, ['r5', 'r2']],
    ['the lead sees what is assigned to them', (fx) => fx.members.lead.id, ['r4', 'r1']],
    ['a provider sees what is assigned to their team', (fx) => fx.members.assisting.id, ['r4']],
    ['a provider sees what they assist on and lead', (fx) => fx.members.otherProvider.id, ['r2', 'r1']],
    ['an enterprise contact sees their enterprise', (fx) => fx.members.contact.id, ['r4', 'r1']],
    ["the other enterprise's contact sees theirs", (fx) => fx.members.otherContact.id, ['r5', 'r2']],
  ])('%s', async (_name, who, expected) => {
    const { fx, ids } = await fiveRequests();
    const session = fx.as(who(fx));
    expect(await titles(session)).toEqual(expected);
    for (const name of expected) expect((await session.requests.get(ids[name])).request.title).toBe(name);
  });

  it('another office sees nothing', async () => {
    const { fx } = await fiveRequests();
    const other = await otherOffice(fx);
    expect(await titles(other.session)).toEqual([]);
    expect(await titles(other.system)).toEqual([]);
  });
});

describe('requests.list keyset pages', () => {
  async function manyRequests(count: number) {
    const fx = await smallOffice();
    for (let i = 0; i < count; i++) {
      await fx.system.requests.submit(submission(fx, { title: `初始${i}` }));
      if (i % 3 !== 0) fx.clock.advance(MINUTE); // some share a timestamp, so the id breaks ties
    }
    const before = (await fx.system.requests.list({ limit: 500 })).items.map((r) => r.id);
    let added = 0;
    const submitTwo = async () => {
      for (let j = 0; j < 2; j++) {
        fx.clock.advance(MINUTE);
        await fx.system.requests.submit(submission(fx, { title: `新增${added++}` }));
      }
    };
    return { fx, before, submitTwo };
  }

  it('newest first: pages walk every existing row exactly once while new requests arrive', async () => {
    const { fx, before, submitTwo } = await manyRequests(13);
    const walked = await walk(fx.system, { limit: 4 }, submitTwo);
    expect(walked.map((r) => r.id)).toEqual(before);
  });

  it('oldest first: pages walk every row exactly once, new requests coming at the end', async () => {
    const { fx, before, submitTwo } = await manyRequests(13);
    let pages = 0;
    const walked = await walk(fx.system, { limit: 4, order: 'oldest' }, async () => {
      if (pages++ < 3) await submitTwo();
    });
    const ids = walked.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, before.length)).toEqual([...before].reverse());
    expect(ids).toHaveLength(before.length + 6);
    expect(walked.slice(before.length).every((r) => r.title.startsWith('新增'))).toBe(true);
  });

  it('never skips or repeats a row, whatever the page size and arrivals (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<'newest' | 'oldest'>('newest', 'oldest'),
        async (gaps, limit, order) => {
          const fx = await smallOffice();
          for (const gap of gaps) {
            fx.clock.advance(gap * MINUTE);
            await fx.system.requests.submit(submission(fx));
          }
          const before = new Set((await fx.system.requests.list({ limit: 500 })).items.map((r) => r.id));
          let arrivals = 0;
          const arrive = async () => {
            // A bounded number of arrivals, so that an oldest-first walk reaches its end.
            if (arrivals++ < 4) await fx.system.requests.submit(submission(fx));
          };
          const walked = (await walk(fx.system, { limit, order }, arrive)).map((r) => r.id);
          expect(new Set(walked).size).toBe(walked.length);
          for (const id of before) expect(walked).toContain(id);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses a cursor from the newest order for the oldest order, and garbage, with INVALID_CURSOR', async () => {
    const { fx } = await fiveRequests();
    const page = await fx.system.requests.list({ limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    await rejection(fx.system.requests.list({ limit: 2, order: 'oldest', cursor: page.nextCursor as string }), 'INVALID_CURSOR');
    await rejection(fx.system.requests.list({ cursor: 'bm90LWEtY3Vyc29y' }), 'INVALID_CURSOR');
    await rejection(fx.system.requests.list({ cursor: '%%%' }), 'INVALID_CURSOR');
    const directoryCursor = (await fx.system.members.list({ limit: 1 })).nextCursor as string;
    await rejection(fx.system.requests.list({ cursor: directoryCursor }), 'INVALID_CURSOR');
  });
});

describe('enterprises.lifecycle', () => {
  it('gathers the enterprise requests, visits and summary counts', async () => {
    const { fx, head, ids, at } = await fiveRequests();
    const lead = fx.as(fx.members.lead.id);
    await lead.requests.accept({ requestId: ids.r4 });
    await lead.requests.reply({ requestId: ids.r4, outcome: 'explained', note: '已解释高企认定条件' });
    await head.requests.followUp({ requestId: ids.r4, rating: 'basically_satisfied' });
    fx.clock.advance(MINUTE);
    const visitedAt = fx.clock.now();
    const { visit, requests } = await head.visits.record({ enterpriseId: fx.ent1.id, requests: [{ category: 'talent', title: 'r6' }] });

    const life = await head.enterprises.lifecycle(fx.ent1.id);
    expect(life.enterprise).toEqual(fx.ent1);
    expect(life.requests.map((r) => r.title)).toEqual(['r1', 'r4', 'r6']);
    expect(life.visits).toEqual([visit]);
    expect(life.summary).toEqual({
      requests: 3,
      open: 2,
      byStatus: { assigned: 1, closed: 1, submitted: 1 },
      byOutcome: { explained: 1 },
      bySatisfaction: { basically_satisfied: 1 },
      visits: 1,
      firstContactAt: at[0],
      lastContactAt: visitedAt,
    });
    expect(requests[0]?.visitId).toBe(visit.id);
  });

  it('shows each role only what it may see', async () => {
    const { fx, head } = await fiveRequests();
    await head.visits.record({ enterpriseId: fx.ent1.id, requests: [{ category: 'talent', title: 'r6' }] });
    const contact = await fx.as(fx.members.contact.id).enterprises.lifecycle(fx.ent1.id);
    expect([contact.requests.length, contact.visits.length]).toEqual([3, 1]);
    const captain = await fx.as(fx.members.captain.id).enterprises.lifecycle(fx.ent1.id);
    expect([captain.requests.length, captain.visits.length]).toEqual([3, 1]);
    const otherCaptain = await fx.as(fx.members.otherCaptain.id).enterprises.lifecycle(fx.ent1.id);
    expect(otherCaptain.requests).toEqual([]);
    expect(otherCaptain.visits).toEqual([]);
    expect(otherCaptain.summary).toMatchObject({ requests: 0, visits: 0, firstContactAt: null, lastContactAt: null });
    const provider = await fx.as(fx.members.assisting.id).enterprises.lifecycle(fx.ent1.id);
    expect(provider.requests.map((r) => r.title)).toEqual(['r4']);
    expect(provider.visits).toEqual([]);
  });

  it("is NOT_FOUND for another office's enterprise", async () => {
    const { fx } = await fiveRequests();
    const other = await otherOffice(fx);
    await rejection(fx.system.enterprises.lifecycle(other.enterprise.id), 'NOT_FOUND');
    await rejection(other.system.enterprises.lifecycle(fx.ent1.id), 'NOT_FOUND');
  });
});
