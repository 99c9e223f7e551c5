import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '../events/core-events.js';
import { rejection } from '../__fixtures__/expect-error.js';
import { otherOffice } from '../__fixtures__/other-office.js';
import { smallOffice, submission } from '../__fixtures__/small-office.js';

describe('submit: placing the request', () => {
  it('creates a submitted request, filling park and building from the enterprise', async () => {
    const fx = await smallOffice();
    const captain = fx.as(fx.members.captain.id);
    const request = await captain.requests.submit(submission(fx, { channel: 'captain_report', tags: ['欠款'] }));
    expect(request).toMatchObject({
      officeId: fx.office.id,
      communityId: fx.mc.id,
      enterpriseId: fx.ent1.id,
      parkId: fx.park1.id,
      buildingId: fx.building.id,
      visitId: null,
      channel: 'captain_report',
      status: 'submitted',
      priority: 'normal',
      tags: ['欠款'],
      submittedById: fx.members.captain.id,
      assigneeId: null,
      version: 1,
      createdAt: fx.clock.now(),
    });
    const { timeline } = await fx.system.requests.get(request.id);
    expect(timeline.map((e) => [e.seq, e.type, e.toStatus, e.actor.id])).toEqual([[1, 'submitted', 'submitted', fx.members.captain.id]]);
  });

  it('fills the park but no building when the enterprise has none', async () => {
    const fx = await smallOffice();
    const request = await fx.system.requests.submit(submission(fx, { enterpriseId: fx.ent2.id }));
    expect(request).toMatchObject({ parkId: fx.park2.id, buildingId: null });
  });

  it('keeps a request without an enterprise at community level', async () => {
    const fx = await smallOffice();
    const request = await fx.system.requests.submit(submission(fx, { enterpriseId: null, category: 'policy' }));
    expect(request).toMatchObject({ enterpriseId: null, parkId: null, buildingId: null });
  });

  it('reports every wrong reference at once', async () => {
    const fx = await smallOffice();
    const error = await rejection(
      fx.system.requests.submit(submission(fx, { communityId: 'id-999991', enterpriseId: 'id-999992', parkId: 'id-999993', buildingId: 'id-999994' })),
      'VALIDATION_FAILED',
    );
    expect(error.details.issues?.map((i) => i.path.join('.'))).toEqual(['communityId', 'enterpriseId', 'parkId', 'buildingId']);
    expect(error.details.issues?.every((i) => i.code === 'invalid_reference')).toBe(true);
  });

  it('reports references that disagree with each other', async () => {
    const fx = await smallOffice();
    const mc2 = await fx.system.communities.create({ code: 'WL', name: '未来社区' });
    const inOtherCommunity = await rejection(fx.system.requests.submit(submission(fx, { communityId: mc2.id })), 'VALIDATION_FAILED');
    expect(inOtherCommunity.details.issues?.map((i) => i.path.join('.'))).toEqual(['enterpriseId', 'parkId']);
    const wrongBuilding = await rejection(fx.system.requests.submit(submission(fx, { enterpriseId: fx.ent2.id, buildingId: fx.building.id })), 'VALIDATION_FAILED');
    expect(wrongBuilding.details.issues?.map((i) => i.path.join('.'))).toEqual(['buildingId']);
    await fx.system.communities.archive({ id: mc2.id });
    await rejection(fx.system.requests.submit(submission(fx, { communityId: mc2.id, enterpriseId: null })), 'VALIDATION_FAILED');
  });

  it('reports every schema problem at once', async () => {
    const fx = await smallOffice();
    const error = await rejection(fx.system.requests.submit(submission(fx, { title: ' ', channel: 'fax', priority: 'asap' })), 'VALIDATION_FAILED');
    expect(error.details.issues?.map((i) => i.path.join('.')).sort()).toEqual(['channel', 'priority', 'title']);
  });

  it("refuses another office's references exactly like missing ones", async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    const theirs = await rejection(fx.system.requests.submit(submission(fx, { enterpriseId: other.enterprise.id })), 'VALIDATION_FAILED');
    const missing = await rejection(fx.system.requests.submit(submission(fx, { enterpriseId: 'id-999999' })), 'VALIDATION_FAILED');
    expect(theirs.message.split(other.enterprise.id).join('<id>')).toBe(missing.message.split('id-999999').join('<id>'));
    expect(theirs.message).not.toContain(other.enterprise.name);
  });
});

describe('submit: idempotency and duplicates', () => {
  it('returns the same request for a repeated idempotency key', async () => {
    const fx = await smallOffice();
    const first = await fx.system.requests.submit(submission(fx, { idempotencyKey: 'call-0302-001' }));
    fx.clock.advance(60_000);
    const again = await fx.system.requests.submit(submission(fx, { idempotencyKey: 'call-0302-001' }));
    expect(again).toEqual(first);
    expect((await fx.system.requests.list()).items).toHaveLength(1);
  });

  it('creates exactly one request when 10 submits with the same key race', async () => {
    const fx = await smallOffice();
    const events: RequestEvent[] = [];
    fx.community.events.on('request.submit', (e) => void events.push(e));
    const head = fx.as(fx.members.stationHead.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => head.requests.submit(submission(fx, { idempotencyKey: 'retry-storm' }))));
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    expect(results.every((r) => r.version === 1 && r.idempotencyKey === 'retry-storm')).toBe(true);
    const listed = await fx.system.requests.list();
    expect(listed.items.map((r) => r.id)).toEqual([id]);
    expect((await fx.system.requests.get(id)).timeline).toHaveLength(1);
    expect(events.map((e) => e.request.id)).toEqual([id]);
  });

  it('refuses the same externalRef twice with DUPLICATE naming the existing request', async () => {
    const fx = await smallOffice();
    const ref = { source: '12345', id: 'HZ20260302-0042' };
    const first = await fx.system.requests.submit(submission(fx, { channel: 'hotline_12345', externalRef: ref }));
    const error = await rejection(fx.system.requests.submit(submission(fx, { channel: 'hotline_12345', externalRef: ref, title: '再次来电' })), 'DUPLICATE');
    expect(error.details.id).toBe(first.id);
    expect(error.message).toContain(first.id);
    const otherSource = await fx.system.requests.submit(submission(fx, { externalRef: { source: 'zheli', id: ref.id } }));
    expect(otherSource.id).not.toBe(first.id);
    expect((await fx.system.requests.list()).items).toHaveLength(2);
  });

  it('lets exactly one of several racing submits with the same externalRef win; the rest are DUPLICATE naming it', async () => {
    const fx = await smallOffice();
    const ref = { source: '12345', id: 'HZ-RACE' };
    const settled = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => fx.system.requests.submit(submission(fx, { externalRef: ref, title: `来电${i}` }))));
    const won = settled.filter((s) => s.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    for (const s of settled.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect((await rejection(Promise.reject(s.reason), 'DUPLICATE')).details.id).toBe(winner);
    }
    expect((await fx.system.requests.list()).items.map((r) => r.id)).toEqual([winner]);
  });

  it("does not hand another park's request to a captain who replays its idempotency key", async () => {
    const fx = await smallOffice();
    const key = 'captain-report-0302';
    await fx.as(fx.members.captain.id).requests.submit(submission(fx, { idempotencyKey: key }));
    const outsider = fx.as(fx.members.otherCaptain.id);
    await rejection(outsider.requests.submit(submission(fx, { idempotencyKey: key })));
    expect((await outsider.requests.list()).items).toEqual([]);
  });
});

describe('submit: who may submit', () => {
  it('a captain may submit for their park only (FORBIDDEN otherwise), and nothing is written', async () => {
    const fx = await smallOffice();
    const captain = fx.as(fx.members.captain.id);
    await captain.requests.submit(submission(fx));
    const error = await rejection(captain.requests.submit(submission(fx, { enterpriseId: fx.ent2.id })), 'FORBIDDEN');
    expect(error.message).toMatch(/park/i);
    await rejection(captain.requests.submit(submission(fx, { enterpriseId: null })), 'FORBIDDEN');
    expect((await fx.system.requests.list()).items.map((r) => r.enterpriseId)).toEqual([fx.ent1.id]);
  });

  it("a captain cannot reach another park's enterprise by naming their own park", async () => {
    const fx = await smallOffice();
    const captain = fx.as(fx.members.captain.id);
    const error = await rejection(captain.requests.submit(submission(fx, { enterpriseId: fx.ent2.id, parkId: fx.park1.id })));
    expect(['FORBIDDEN', 'VALIDATION_FAILED']).toContain(error.code);
    expect((await fx.system.requests.list()).items).toEqual([]);
  });

  it('an enterprise contact may submit for their own enterprise only (FORBIDDEN otherwise)', async () => {
    const fx = await smallOffice();
    const contact = fx.as(fx.members.contact.id);
    const own = await contact.requests.submit(submission(fx, { channel: 'online' }));
    expect(own.submittedById).toBe(fx.members.contact.id);
    await rejection(contact.requests.submit(submission(fx, { enterpriseId: fx.ent2.id })), 'FORBIDDEN');
    await rejection(contact.requests.submit(submission(fx, { enterpriseId: null })), 'FORBIDDEN');
    expect((await fx.system.requests.list()).items.map((r) => r.id)).toEqual([own.id]);
  });

  it('a provider may not submit', async () => {
    const fx = await smallOffice();
    await rejection(fx.as(fx.members.lead.id).requests.submit(submission(fx)), 'FORBIDDEN');
  });

  it('a member who has left, or was archived, cannot act at all', async () => {
    const fx = await smallOffice();
    const request = await fx.system.requests.submit(submission(fx));
    await fx.as(fx.members.stationHead.id).requests.assign({ requestId: request.id, assigneeId: fx.members.lead.id });
    await fx.system.members.update({ id: fx.members.contact.id, status: 'left' });
    await fx.system.members.update({ id: fx.members.lead.id, status: 'left' });
    await fx.system.members.archive({ id: fx.members.captain.id });
    await rejection(fx.as(fx.members.contact.id).requests.submit(submission(fx)), 'FORBIDDEN');
    await rejection(fx.as(fx.members.contact.id).requests.list(), 'FORBIDDEN');
    await rejection(fx.as(fx.members.lead.id).requests.accept({ requestId: request.id }), 'FORBIDDEN');
    await rejection(fx.as(fx.members.captain.id).requests.submit(submission(fx)), 'FORBIDDEN');
    expect((await fx.system.requests.list()).items).toHaveLength(1);
  });

  it('an unknown member, or a member of another office, cannot act', async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    await rejection(fx.as('id-999999').requests.submit(submission(fx)), 'FORBIDDEN');
    await rejection(fx.community.as({ kind: 'member', officeId: fx.office.id, memberId: other.head.id }).requests.submit(submission(fx)), 'FORBIDDEN');
    await rejection(fx.community.as({ kind: 'system', officeId: 'id-999999' }).requests.submit(submission(fx)), 'FORBIDDEN');
  });
});
