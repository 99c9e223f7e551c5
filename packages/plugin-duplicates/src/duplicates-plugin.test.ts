import { KechuangError, definePlugin } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { duplicatesWorld, refusal } from './__fixtures__/duplicates-office.js';

const TITLE = '40余个项目尾款未结';
const BODY = '没有签合同，只有聊天记录';

describe('suggestions', () => {
  it('records a likely duplicate with its reason: score, the matched request and the shared text', async () => {
    const w = await duplicatesWorld();
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    w.later();
    const second = await w.system.requests.submit(w.input('有40多个项目的尾款一直未结', '没签合同，只有聊天记录'));

    const { request } = await w.system.requests.get(second.id);
    expect(request.status).toBe('submitted');
    expect(request.duplicatesOf).toBe(first.id);
    expect(request.duplicatesAction).toBe('suggest');
    expect(request.duplicatesScore).toBeGreaterThanOrEqual(0.6);
    expect(request.duplicatesScore).toBeLessThan(0.9);

    const rows = await w.storage.findMany({ model: 'duplicates_match', where: [{ field: 'officeId', value: w.office.id }] });
    expect(rows).toEqual([
      expect.objectContaining({ requestId: second.id, matchedId: first.id, decision: 'suggest', matchedTitle: TITLE, score: request.duplicatesScore, sharedText: '签合同只有聊天记录' }),
    ]);
    expect(w.suggested).toEqual([{ officeId: w.office.id, requestId: second.id, duplicateOfId: first.id, score: request.duplicatesScore, action: 'suggested', matches: [{ requestId: first.id, score: request.duplicatesScore }] }]);
  });

  it('records nothing for an unrelated request, and nothing for the first one', async () => {
    const w = await duplicatesWorld();
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    const other = await w.system.requests.submit(w.input('申请高新技术企业认定', '需要准备哪些材料'));
    for (const id of [first.id, other.id]) {
      const { request } = await w.system.requests.get(id);
      expect([request.duplicatesOf, request.duplicatesAction, request.duplicatesMatches]).toEqual([null, null, null]);
    }
    expect(await w.storage.count({ model: 'duplicates_match' })).toBe(0);
    expect(w.suggested).toEqual([]);
  });

  it('lists several matches best first, at most maxSuggestions', async () => {
    const w = await duplicatesWorld({ plugin: { maxSuggestions: 2, mergeAbove: null, maxRepeats: null } });
    const a = await w.system.requests.submit(w.input(TITLE, BODY));
    w.later();
    const b = await w.system.requests.submit(w.input(TITLE, `${BODY}，请律师帮忙`));
    w.later();
    await w.system.requests.submit(w.input('有40多个项目的尾款一直未结', '没签合同，只有聊天记录'));
    w.later();
    const d = await w.system.requests.submit(w.input(TITLE, BODY));
    const { request } = await w.system.requests.get(d.id);
    expect(request.duplicatesMatches).toEqual([
      { requestId: a.id, score: 1 },
      { requestId: b.id, score: expect.any(Number) },
    ]);
    expect(request.status).toBe('submitted');
  });

  it('looks back windowDays calendar days only', async () => {
    const w = await duplicatesWorld({ plugin: { windowDays: 30 } });
    await w.system.requests.submit(w.input(TITLE, BODY));
    w.later(31);
    const late = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(late.id)).request.duplicatesOf).toBeNull();
  });
});

describe('automatic merge', () => {
  it('merges a near-identical request into the earlier open one, and the timeline says why', async () => {
    const w = await duplicatesWorld();
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    w.later();
    const second = await w.as(w.members.contact.id).requests.submit(w.input(`${TITLE}！`, '没有签合同，只有微信聊天记录'));

    const { request, timeline } = await w.system.requests.get(second.id);
    expect(request.status).toBe('merged');
    expect(request.duplicateOfId).toBe(first.id);
    expect(request.duplicatesAction).toBe('merge');
    const merged = timeline.at(-1);
    expect(merged).toMatchObject({ type: 'merged', actor: { kind: 'system', id: null }, data: { duplicateOfId: first.id } });
    expect(merged?.data['note']).toContain(first.id);
    expect(merged?.data['note']).toMatch(/^经查重，本诉求与诉求「40余个项目尾款未结」（编号 .+）内容重复，文字相似度 9\d%，重合内容为“.+”，已自动合并办理。$/);
    expect(w.suggested.map((e) => e.action)).toEqual(['merged']);
    expect((await w.system.requests.get(first.id)).request.status).toBe('submitted');
    expect(w.reported).toEqual([]);
  });

  it('writes the note in English when asked', async () => {
    const w = await duplicatesWorld({ plugin: { locale: 'en' } });
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    const second = await w.system.requests.submit(w.input(TITLE, BODY));
    const { timeline } = await w.system.requests.get(second.id);
    expect(timeline.at(-1)?.data['note']).toBe(`Merged automatically as a duplicate of "${TITLE}" (${first.id}): the wording is 100% alike; both say "40余个项目尾款未结没有签合同只有聊天记录".`);
  });

  it('only suggests when the earlier request is already concluded', async () => {
    const w = await duplicatesWorld();
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    await w.conclude(first.id);
    const again = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(again.id)).request).toMatchObject({ status: 'submitted', duplicatesOf: first.id, duplicatesScore: 1, duplicatesAction: 'suggest' });
  });

  it('neither suggests nor merges into a withdrawn or merged request', async () => {
    const w = await duplicatesWorld();
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    await w.system.requests.withdraw({ requestId: first.id, reason: '企业已自行解决' });
    const again = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(again.id)).request).toMatchObject({ status: 'submitted', duplicatesOf: null });
    const third = await w.system.requests.submit(w.input(TITLE, BODY));
    // Merged into `again`; the fourth is compared with `again`, not with the merged third.
    expect((await w.system.requests.get(third.id)).request).toMatchObject({ status: 'merged', duplicateOfId: again.id });
    w.later();
    const fourth = await w.system.requests.submit(w.input(TITLE, `${BODY}，请律师帮忙`));
    expect((await w.system.requests.get(fourth.id)).request.duplicatesMatches).toEqual([{ requestId: again.id, score: expect.any(Number) }]);
  });

  it('never merges with mergeAbove: null', async () => {
    const w = await duplicatesWorld({ plugin: { mergeAbove: null } });
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    const second = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(second.id)).request).toMatchObject({ status: 'submitted', duplicatesOf: first.id, duplicatesScore: 1, duplicatesAction: 'suggest' });
  });

  it('counts automatic merges in the metrics measure', async () => {
    const w = await duplicatesWorld();
    await w.system.requests.submit(w.input(TITLE, BODY));
    await w.system.requests.submit(w.input(TITLE, BODY));
    const manual = await w.system.requests.submit(w.input('申请高新技术企业认定', '需要准备哪些材料'));
    const original = await w.system.requests.submit(w.input('厂区门口道路破损', '雨天积水严重'));
    await w.system.requests.merge({ requestId: manual.id, duplicateOfId: original.id });
    w.later();
    const result = await w.system.metrics.query({ period: { month: '2026-03' } });
    expect(result.total.measures['duplicates.auto_merged']).toBe(1);
    expect(result.measures['duplicates.auto_merged']?.label['zh-CN']).toBe('自动合并的重复诉求');
  });

  it('a merge that fails is reported, and the submission stands with its suggestion', async () => {
    const freeze = definePlugin({
      id: 'freeze',
      setup: ({ hooks }) =>
        hooks.before('merge', () => {
          throw new KechuangError('FORBIDDEN', 'Merging is frozen during the audit.');
        }),
    })();
    const w = await duplicatesWorld({ others: [freeze] });
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    const second = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(second.id)).request).toMatchObject({ status: 'submitted', duplicatesOf: first.id, duplicatesAction: 'merge' });
    expect(w.reported).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(w.suggested.map((e) => e.action)).toEqual(['suggested']);
    w.later();
    const result = await w.system.metrics.query({ period: { month: '2026-03' } });
    expect(result.total.measures['duplicates.auto_merged']).toBe(0);
  });
});

describe('with other plugins', () => {
  it('still decides when a later plugin replaces the input it handed on (reading inside the transaction)', async () => {
    const tagger = definePlugin({
      id: 'tagger',
      setup: ({ hooks }) => hooks.before('submit', ({ input }) => ({ input: { ...input, tags: ['专精特新'] } })),
    })();
    const w = await duplicatesWorld({ others: [tagger], plugin: { maxRepeats: 2 } });
    const first = await w.system.requests.submit(w.input(TITLE, BODY));
    const second = await w.system.requests.submit(w.input(TITLE, BODY));
    expect((await w.system.requests.get(second.id)).request).toMatchObject({ status: 'merged', duplicateOfId: first.id, tags: ['专精特新'] });
    await refusal(w.system.requests.submit(w.input(TITLE, BODY)), 'duplicates:REPEATED_REQUEST');
  });
});
