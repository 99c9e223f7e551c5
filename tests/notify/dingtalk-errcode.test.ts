/**
 * Chat bots answer HTTP 200 with the error in the body. A DingTalk-like robot endpoint on
 * 127.0.0.1 (checking the signed-mode `timestamp`/`sign` as DingTalk documents them) answers
 * `dingtalkNotifier`: `{"errcode":310000,…}` (a security check failed) must leave a dead letter
 * at once, never a delivery; `130101` (sending too fast) is retried after DingTalk's ten-minute
 * throttle; `errcode: 0` is delivered.
 */
import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommunity, createWorker, manualClock, memoryStorage, type OutboxRecord, type Row } from '@kechuang/community';
import { dingtalkNotifier } from '@kechuang/notify';
import { startSink, type LoopbackSink, type SinkRequest } from './loopback-sink.js';
import { allDeadLetters, outboxRows, pendingOutboxRow } from './outbox-helpers.js';

const START = new Date('2026-03-02T01:00:00Z');
const SECRET = 'SECdingtalk-errcode-test';
const sinks: LoopbackSink[] = [];
afterAll(async () => {
  await Promise.all(sinks.map((sink) => sink.close()));
});

/** Which outbox row a robot message is about: the row id is in its text. */
const rowOf = (request: Pick<SinkRequest, 'body'>): string => /\b(bad-sign|too-fast|fine)\b/.exec(request.body)?.[1] ?? '?';

describe('a DingTalk-style robot answering HTTP 200 with an errcode', () => {
  it('dead-letters errcode 310000 at once, retries 130101 after the throttle, and delivers only errcode 0', { timeout: 30_000 }, async () => {
    const badSignatures: string[] = [];
    let tooFastSeen = 0;
    const sink = await startSink((_key, _nth, body, { url }) => {
      const query = new URL(url, 'http://127.0.0.1').searchParams;
      const timestamp = query.get('timestamp') ?? '';
      const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`, 'utf8').digest('base64');
      if (query.get('access_token') !== 'test-token' || query.get('sign') !== expected) badSignatures.push(url);
      const row = rowOf({ body });
      if (row === 'bad-sign') return { kind: 'ok', body: JSON.stringify({ errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/faquestions/xxx]' }) };
      if (row === 'too-fast' && tooFastSeen++ === 0) return { kind: 'ok', body: JSON.stringify({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }) };
      return { kind: 'ok', body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) };
    });
    sinks.push(sink);
    const storage = memoryStorage();
    const clock = manualClock(START);
    const ding = dingtalkNotifier({ id: 'ding', accessToken: 'test-token', secret: SECRET, baseUrl: new URL(sink.url).origin });
    const community = createCommunity({ storage, clock, notifiers: [ding] });
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const row = (id: string): OutboxRecord =>
      pendingOutboxRow({ id, officeId: office.id, notifierId: 'ding', channel: 'dingtalk', text: `您有一条新诉求待处理（${id}）`, toName: '服务站群', at: START });
    await storage.createMany?.({ model: 'outbox', data: ['bad-sign', 'too-fast', 'fine'].map((id) => row(id) as unknown as Row) });

    const worker = createWorker(community);
    const delivered: string[] = [];
    const failed: string[] = [];
    const dead: [string, string][] = [];
    worker.on('delivered', (n) => delivered.push(n.id));
    worker.on('failed', (n) => failed.push(n.id));
    worker.on('dead', (n, error) => dead.push([n.id, error instanceof Error ? error.message : String(error)]));
    await worker.runOnce();
    const throttled = (await outboxRows(storage)).get('too-fast');
    expect(throttled).toMatchObject({ status: 'pending', attempts: 1 });
    // DingTalk throttles a robot for ten minutes; the retry waits that long.
    expect((throttled?.dueAt.getTime() ?? 0) - START.getTime()).toBeGreaterThanOrEqual(600_000);
    clock.set(throttled?.dueAt ?? START);
    await worker.runOnce();

    const rows = await outboxRows(storage);
    expect(rows.get('bad-sign')).toMatchObject({ status: 'dead', attempts: 1, deliveredAt: null, externalId: null });
    expect(rows.get('bad-sign')?.lastError).toContain('310000');
    expect(rows.get('too-fast')).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(rows.get('fine')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(delivered.sort()).toEqual(['fine', 'too-fast']);
    expect(failed).toEqual(['too-fast']);
    expect(dead.map(([id]) => id)).toEqual(['bad-sign']);
    // One request only: a permanent failure is never retried.
    expect(sink.requests.filter((r) => rowOf(r) === 'bad-sign')).toHaveLength(1);
    expect(badSignatures).toEqual([]);
    expect((await allDeadLetters(community.as({ kind: 'system', officeId: office.id }))).map((n) => n.id)).toEqual(['bad-sign']);
    console.log(`[dingtalk-errcode] ${sink.requests.length} requests, all answered HTTP 200: delivered ${delivered.length}, failed and retried ${failed.length}, dead ${dead.length} (${dead[0]?.[1]})`);
  });
});
