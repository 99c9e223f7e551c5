import { describe, expect, it } from 'vitest';
import { rejection } from '../../__fixtures__/expect-error.js';
import { otherOffice } from '../../__fixtures__/other-office.js';
import { smallOffice } from '../../__fixtures__/small-office.js';
import { definePlugin } from '../../plugins/define-plugin.js';
import { memoryStorage } from '../../storage/memory-storage.js';
import type { RecordVisitInput } from './record-visit.js';

const heard: NonNullable<RecordVisitInput['requests']> = [
  { category: 'legal', title: '40余个项目尾款未结', description: '只有聊天记录，没有合同' },
  { category: 'talent', title: '人才公寓申请', priority: 'urgent' },
  { category: 'policy', title: '高新技术企业认定咨询', tags: ['高新'] },
];

/** A plugin whose transaction hook fails on the n-th submit it sees. */
function failOnSubmit(n: number) {
  let seen = 0;
  return definePlugin({
    id: 'fail-on-submit',
    setup: ({ hooks }) =>
      hooks.transaction('submit', () => {
        seen++;
        if (seen === n) throw new Error(`refusing submit #${n}`);
      }),
  })();
}

describe('visits.record', () => {
  it('creates the visit and its requests, each on the visit channel and placed at the enterprise', async () => {
    const fx = await smallOffice();
    const head = fx.as(fx.members.stationHead.id);
    const { visit, requests } = await head.visits.record({ enterpriseId: fx.ent1.id, summary: '走访数像科技', requests: heard });
    expect(visit).toMatchObject({
      officeId: fx.office.id,
      communityId: fx.mc.id,
      enterpriseId: fx.ent1.id,
      summary: '走访数像科技',
      visitorIds: [fx.members.stationHead.id],
      recordedById: fx.members.stationHead.id,
      visitedAt: fx.clock.now(),
    });
    expect(requests).toHaveLength(3);
    expect(visit.requestIds).toEqual(requests.map((r) => r.id));
    for (const [i, request] of requests.entries()) {
      expect(request).toMatchObject({
        channel: 'visit',
        visitId: visit.id,
        communityId: fx.mc.id,
        enterpriseId: fx.ent1.id,
        parkId: fx.park1.id,
        buildingId: fx.building.id,
        status: 'submitted',
        title: heard[i]?.title,
        version: 1,
        submittedById: fx.members.stationHead.id,
      });
      const stored = await head.requests.get(request.id);
      expect(stored.request).toEqual(request);
      expect(stored.timeline.map((e) => [e.type, e.data['visitId']])).toEqual([['submitted', visit.id]]);
    }
    expect(await head.visits.get(visit.id)).toEqual(visit);
    const listed = await head.requests.list({ channel: 'visit', order: 'oldest' });
    expect(listed.items.map((r) => r.id)).toEqual(visit.requestIds);
  });

  it('is atomic: when the third submission fails inside the transaction, neither the visit nor any request exists', async () => {
    const storage = memoryStorage();
    const fx = await smallOffice({ storage, plugins: [failOnSubmit(3)] });
    const head = fx.as(fx.members.stationHead.id);
    const error = await rejection(head.visits.record({ enterpriseId: fx.ent1.id, requests: heard, idempotencyKey: 'visit-1' }), 'PLUGIN_ERROR');
    expect(error.message).toContain('refusing submit #3');
    expect((await head.requests.list()).items).toEqual([]);
    const lifecycle = await head.enterprises.lifecycle(fx.ent1.id);
    expect(lifecycle.visits).toEqual([]);
    expect(lifecycle.requests).toEqual([]);
    expect(await storage.count({ model: 'visit' })).toBe(0);
    expect(await storage.count({ model: 'request' })).toBe(0);
    expect(await storage.count({ model: 'timeline_entry' })).toBe(0);
  });

  it('returns the same visit for a repeated idempotency key, creating nothing more', async () => {
    const fx = await smallOffice();
    const head = fx.as(fx.members.stationHead.id);
    const input = { enterpriseId: fx.ent1.id, requests: heard, idempotencyKey: 'visit-2026-03-02-ent1' };
    const first = await head.visits.record(input);
    fx.clock.advance(60_000);
    const again = await head.visits.record(input);
    expect(again).toEqual(first);
    expect((await head.requests.list()).items).toHaveLength(3);
  });

  it('creates one visit when identical retries race', async () => {
    const fx = await smallOffice();
    const head = fx.as(fx.members.stationHead.id);
    const input = { enterpriseId: fx.ent1.id, requests: heard.slice(0, 2), idempotencyKey: 'race' };
    const results = await Promise.all(Array.from({ length: 5 }, () => head.visits.record(input)));
    const ids = new Set(results.map((r) => r.visit.id));
    expect(ids.size).toBe(1);
    expect(results.every((r) => r.requests.length === 2)).toBe(true);
    expect((await head.requests.list()).items).toHaveLength(2);
    expect((await head.enterprises.lifecycle(fx.ent1.id)).visits).toHaveLength(1);
  });

  it('lets a captain record visits only to enterprises in their parks', async () => {
    const fx = await smallOffice();
    const captain = fx.as(fx.members.captain.id);
    const mine = await captain.visits.record({ enterpriseId: fx.ent1.id, requests: heard.slice(0, 1) });
    expect(mine.requests[0]?.parkId).toBe(fx.park1.id);
    await rejection(captain.visits.record({ enterpriseId: fx.ent2.id, requests: heard.slice(0, 1) }), 'FORBIDDEN');
    const all = await fx.system.requests.list();
    expect(all.items.map((r) => r.enterpriseId)).toEqual([fx.ent1.id]);
    expect((await fx.system.enterprises.lifecycle(fx.ent2.id)).visits).toEqual([]);
  });

  it("does not hand a visit to another park's enterprise to a captain who replays its idempotency key", async () => {
    const fx = await smallOffice();
    const key = 'visit-2026-03-02-ent1';
    await fx.as(fx.members.stationHead.id).visits.record({ enterpriseId: fx.ent1.id, requests: heard, idempotencyKey: key });
    const outsider = fx.as(fx.members.otherCaptain.id);
    // The captain of park 2 may neither record visits to enterprise 1 nor see its requests.
    await rejection(outsider.visits.record({ enterpriseId: fx.ent1.id, idempotencyKey: key }));
    expect((await outsider.requests.list()).items).toEqual([]);
  });

  it('shows a visit only to those the enterprise lifecycle shows it to', async () => {
    const fx = await smallOffice();
    const { visit } = await fx.as(fx.members.stationHead.id).visits.record({ enterpriseId: fx.ent1.id, requests: heard.slice(0, 1) });
    expect((await fx.as(fx.members.contact.id).visits.get(visit.id)).id).toBe(visit.id);
    expect((await fx.as(fx.members.captain.id).visits.get(visit.id)).id).toBe(visit.id);
    expect((await fx.as(fx.members.otherCaptain.id).enterprises.lifecycle(fx.ent1.id)).visits).toEqual([]);
    await rejection(fx.as(fx.members.otherCaptain.id).visits.get(visit.id), 'NOT_FOUND');
    await rejection(fx.as(fx.members.otherContact.id).visits.get(visit.id), 'NOT_FOUND');
  });

  it('refuses members whose roles do not allow recording', async () => {
    const fx = await smallOffice();
    await rejection(fx.as(fx.members.lead.id).visits.record({ enterpriseId: fx.ent1.id }), 'FORBIDDEN');
    await rejection(fx.as(fx.members.otherContact.id).visits.record({ enterpriseId: fx.ent1.id }), 'FORBIDDEN');
  });

  it('refuses unknown and foreign enterprises and visitors with VALIDATION_FAILED', async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    await rejection(fx.system.visits.record({ enterpriseId: 'id-999999' }), 'VALIDATION_FAILED');
    await rejection(fx.system.visits.record({ enterpriseId: other.enterprise.id }), 'VALIDATION_FAILED');
    const error = await rejection(fx.system.visits.record({ enterpriseId: fx.ent1.id, visitorIds: [fx.members.commissioner.id, other.head.id] }), 'VALIDATION_FAILED');
    expect(error.details.issues?.[0]?.path).toEqual(['visitorIds']);
    expect(error.message).not.toContain(other.head.name);
  });

  it("keeps explicit visitors and the visit date, and hides the visit from another office", async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    const visitedAt = new Date('2026-02-27T02:00:00Z');
    const { visit } = await fx.system.visits.record({
      enterpriseId: fx.ent1.id,
      visitorIds: [fx.members.dispatcher.id, fx.members.lead.id, fx.members.lead.id],
      visitedAt,
    });
    expect(visit).toMatchObject({ visitorIds: [fx.members.dispatcher.id, fx.members.lead.id], visitedAt, recordedById: null, requestIds: [] });
    await rejection(other.session.visits.get(visit.id), 'NOT_FOUND');
    await rejection(other.system.visits.get(visit.id), 'NOT_FOUND');
  });
});
