import { describe, expect, it } from 'vitest';
import { smallOffice, submission } from '../__fixtures__/small-office.js';
import { isKechuangError } from '../errors/kechuang-error.js';

async function settle<T>(attempts: Promise<T>[]): Promise<{ won: T[]; codes: string[] }> {
  const results = await Promise.allSettled(attempts);
  const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const codes = results.flatMap((r) => (r.status === 'rejected' ? [isKechuangError(r.reason) ? r.reason.code : String(r.reason)] : []));
  return { won, codes };
}

describe('concurrent commands on one request', () => {
  it('exactly one of 20 commands decided on the same version wins; the rest get CONFLICT and write nothing', async () => {
    const fx = await smallOffice();
    const r = await fx.system.requests.submit(submission(fx));
    const actors = [fx.system, fx.as(fx.members.stationHead.id), fx.as(fx.members.dispatcher.id), fx.as(fx.members.officeStaff.id), fx.as(fx.members.commissioner.id)];
    const { won, codes } = await settle(Array.from({ length: 20 }, (_, i) => actors[i % actors.length]!.requests.note({ requestId: r.id, version: 1, text: `记录 ${i}` })));
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    const { request, timeline } = await fx.system.requests.get(r.id);
    expect(request.version).toBe(2);
    expect(timeline.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('commands racing without a version still never lose an update', async () => {
    const fx = await smallOffice();
    const r = await fx.system.requests.submit(submission(fx));
    const { won, codes } = await settle(Array.from({ length: 20 }, (_, i) => fx.system.requests.note({ requestId: r.id, text: `记录 ${i}` })));
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 'CONFLICT')).toBe(true);
    const { request, timeline } = await fx.system.requests.get(r.id);
    // Every winner is on the timeline exactly once, each with its own seq.
    expect(request.version).toBe(1 + won.length);
    expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: request.version }, (_, i) => i + 1));
    expect(new Set(won.map((w) => w.version)).size).toBe(won.length);
  });

  it('two dispatchers assigning the same new request: one assignment, one CONFLICT', async () => {
    const fx = await smallOffice();
    const r = await fx.system.requests.submit(submission(fx));
    const { won, codes } = await settle([
      fx.as(fx.members.stationHead.id).requests.assign({ requestId: r.id, version: 1, assigneeId: fx.members.lead.id }),
      fx.as(fx.members.dispatcher.id).requests.assign({ requestId: r.id, version: 1, assigneeId: fx.members.assisting.id }),
    ]);
    expect(won).toHaveLength(1);
    expect(codes).toEqual(['CONFLICT']);
    const { request } = await fx.system.requests.get(r.id);
    expect(request.assigneeId).toBe(won[0]!.assigneeId);
  });
});
