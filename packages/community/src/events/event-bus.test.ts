import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { smallOffice, submission } from '../__fixtures__/small-office.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { Row } from '../storage/types.js';
import type { DirectoryEvent, RequestEvent } from './core-events.js';

async function office() {
  const storage = memoryStorage();
  const reported: unknown[] = [];
  const fx = await smallOffice({ storage, onListenerError: (error) => void reported.push(error) });
  return { ...fx, storage, reported, head: fx.as(fx.members.stationHead.id), lead: fx.as(fx.members.lead.id) };
}

describe('request events', () => {
  it('request.submit fires after commit with the committed request and its entries', async () => {
    const fx = await office();
    const events: RequestEvent[] = [];
    const storedAtEmit: Promise<Row | null>[] = [];
    fx.community.events.on('request.submit', (event) => {
      events.push(event);
      // A memory read started inside the listener sees the state committed at that moment.
      storedAtEmit.push(fx.storage.findOne({ model: 'request', where: [{ field: 'id', value: event.request.id }] }));
    });
    const request = await fx.system.requests.submit(submission(fx));
    expect(events).toHaveLength(1);
    const [event] = events as [RequestEvent];
    expect(event.command).toBe('submit');
    expect(event.request).toEqual(request);
    expect(event.actor).toEqual({ kind: 'system', id: null });
    const { timeline } = await fx.system.requests.get(request.id);
    expect(event.entries).toEqual(timeline);
    const stored = await storedAtEmit[0];
    expect(stored?.['version']).toBe(1);
  });

  it('request.<command> carries the new version and only the entries that command wrote', async () => {
    const fx = await office();
    const request = await fx.system.requests.submit(submission(fx));
    const events: RequestEvent[] = [];
    const storedVersions: Promise<Row | null>[] = [];
    fx.community.events.on('request.assign', (event) => {
      events.push(event);
      storedVersions.push(fx.storage.findOne({ model: 'request', where: [{ field: 'id', value: event.request.id }] }));
    });
    fx.community.events.on('request.accept', (event) => void events.push(event));
    const assigned = await fx.head.requests.assign({ requestId: request.id, assigneeId: fx.members.lead.id, version: 1 });
    const accepted = await fx.lead.requests.accept({ requestId: request.id, version: 2 });
    expect(events.map((e) => [e.command, e.request.version, e.request.status])).toEqual([
      ['assign', 2, 'assigned'],
      ['accept', 3, 'accepted'],
    ]);
    expect(events[0]?.request).toEqual(assigned);
    expect(events[1]?.request).toEqual(accepted);
    expect(events[0]?.actor).toEqual({ kind: 'member', id: fx.members.stationHead.id });
    const { timeline } = await fx.system.requests.get(request.id);
    expect(events[0]?.entries).toEqual(timeline.filter((e) => e.seq === 2));
    expect(events[1]?.entries).toEqual(timeline.filter((e) => e.seq === 3));
    expect((await storedVersions[0])?.['version']).toBe(2);
  });

  it('on returns a function that unsubscribes', async () => {
    const fx = await office();
    const seen: string[] = [];
    const off = fx.community.events.on('request.submit', (e) => void seen.push(e.request.id));
    const first = await fx.system.requests.submit(submission(fx));
    off();
    await fx.system.requests.submit(submission(fx, { title: '第二条诉求' }));
    expect(seen).toEqual([first.id]);
  });

  it('onAny sees every event with its type until unsubscribed', async () => {
    const fx = await office();
    const seen: string[] = [];
    const off = fx.community.events.onAny((type) => void seen.push(type));
    const request = await fx.system.requests.submit(submission(fx));
    await fx.head.requests.assign({ requestId: request.id, assigneeId: fx.members.lead.id });
    await fx.system.parks.create({ communityId: fx.mc.id, code: 'P03', name: '未来科技城三号园' });
    off();
    await fx.lead.requests.accept({ requestId: request.id });
    expect(seen).toEqual(['request.submit', 'request.assign', 'directory.changed']);
  });

  it('onAny hands over the payload', async () => {
    const fx = await office();
    const payloads: unknown[] = [];
    fx.community.events.onAny((type, payload) => void payloads.push({ type, payload }));
    const request = await fx.system.requests.submit(submission(fx));
    expect(payloads).toEqual([{ type: 'request.submit', payload: expect.objectContaining({ command: 'submit', request }) }]);
  });
});

describe('directory and visit events', () => {
  it('directory.changed fires for create, update and archive', async () => {
    const fx = await office();
    const seen: DirectoryEvent[] = [];
    fx.community.events.on('directory.changed', (e) => void seen.push(e));
    const park = await fx.head.parks.create({ communityId: fx.mc.id, code: 'P03', name: '三号园' });
    await fx.head.parks.update({ id: park.id, name: '未来三号园' });
    await fx.head.parks.archive({ id: park.id });
    const actor = { kind: 'member', id: fx.members.stationHead.id };
    expect(seen).toEqual([
      { model: 'park', action: 'created', id: park.id, officeId: fx.office.id, actor },
      { model: 'park', action: 'updated', id: park.id, officeId: fx.office.id, actor },
      { model: 'park', action: 'archived', id: park.id, officeId: fx.office.id, actor },
    ]);
  });

  it('directory.changed fires for offices too', async () => {
    const fx = await office();
    const seen: DirectoryEvent[] = [];
    fx.community.events.on('directory.changed', (e) => void seen.push(e));
    const created = await fx.community.offices.create({ code: 'liangzhu', name: '良渚街道' });
    await fx.head.office.update({ name: '仓前街道办事处' });
    expect(seen.map((e) => [e.model, e.action, e.id])).toEqual([
      ['office', 'created', created.id],
      ['office', 'updated', fx.office.id],
    ]);
  });

  it('visit.recorded fires once with the visit and its requests, after their request.submit events', async () => {
    const fx = await office();
    const order: string[] = [];
    let recorded: { visitId: string; requestIds: string[] } | null = null;
    fx.community.events.on('request.submit', (e) => void order.push(`submit:${e.request.visitId ?? '-'}`));
    fx.community.events.on('visit.recorded', ({ visit, requests }) => {
      order.push('visit');
      recorded = { visitId: visit.id, requestIds: requests.map((r) => r.id) };
    });
    const result = await fx.head.visits.record({
      enterpriseId: fx.ent1.id,
      requests: [
        { category: 'legal', title: '尾款催收' },
        { category: 'talent', title: '人才公寓申请' },
      ],
    });
    expect(recorded).toEqual({ visitId: result.visit.id, requestIds: result.requests.map((r) => r.id) });
    expect(order).toEqual([`submit:${result.visit.id}`, `submit:${result.visit.id}`, 'visit']);
  });
});

describe('no event when the command fails', () => {
  it('publishes nothing for invalid input, a forbidden command, a conflict or a duplicate', async () => {
    const fx = await office();
    const request = await fx.system.requests.submit(submission(fx, { externalRef: { source: '12345', id: 'T-1' } }));
    const seen: string[] = [];
    fx.community.events.onAny((type) => void seen.push(type));
    await rejection(fx.system.requests.submit(submission(fx, { title: '' })), 'VALIDATION_FAILED');
    await rejection(fx.system.requests.submit(submission(fx, { externalRef: { source: '12345', id: 'T-1' } })), 'DUPLICATE');
    await rejection(fx.as(fx.members.captain.id).requests.assign({ requestId: request.id, assigneeId: fx.members.lead.id }), 'FORBIDDEN');
    await rejection(fx.head.requests.assign({ requestId: request.id, assigneeId: fx.members.lead.id, version: 7 }), 'CONFLICT');
    await rejection(fx.lead.requests.accept({ requestId: request.id }), 'NOT_FOUND');
    await rejection(fx.as(fx.members.captain.id).parks.create({ communityId: fx.mc.id, code: 'P09', name: '九号园' }), 'FORBIDDEN');
    await rejection(fx.system.parks.create({ communityId: fx.mc.id, code: 'P01', name: '重复' }), 'DUPLICATE');
    expect(seen).toEqual([]);
    expect(fx.reported).toEqual([]);
  });
});
