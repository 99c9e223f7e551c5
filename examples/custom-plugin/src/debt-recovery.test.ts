import { createCommunity, createWorker, definePlugin, manualClock, memoryStorage, type Row } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { configText, openCangqian, type Cangqian, type CangqianOptions } from './cangqian-office.js';
import { AT_LEAST_OPERATOR, debtRecovery, LARGE_CLAIM_EVENT } from './debt-recovery-plugin.js';

/** Monday 2 March 2026, 10:00 in Shanghai. */
const monday = () => manualClock(new Date('2026-03-02T10:00:00+08:00'));

const open = (options: CangqianOptions = {}) => openCangqian({ clock: monday(), ...options });

/** The outbox rows of the plugin's event about `requestId`. */
const notices = (office: Cangqian, requestId: string): Promise<Row[]> =>
  office.storage.findMany({
    model: 'outbox',
    where: [
      { field: 'officeId', value: office.office.id },
      { field: 'requestId', value: requestId },
      { field: 'event', value: LARGE_CLAIM_EVENT },
    ],
  });

describe('the debt-recovery.at_least operator in an office rule', () => {
  it('routes a request owing 10万 or more to the legal station, and smaller or unreadable sums to the fallback', async () => {
    const office = await open();
    const submit = (owed?: string) => office.system.requests.submit(office.claim('项目尾款未结', owed));

    for (const owed of ['约12万元', '10万', '壹拾贰万元整', '1.2亿']) {
      const request = await submit(owed);
      expect(request.assigneeId, owed).toBe(office.members.lawyer.id);
      expect(request.routing).toMatchObject({ source: 'rule', ruleId: 'large_debts' });
      expect(request.tags).toContain('大额欠款');
    }
    for (const owed of ['99,999元', '8万5', '不清楚', undefined]) {
      const request = await submit(owed);
      expect(request.assigneeId, owed).toBe(office.members.commissioner.id);
      expect(request.routing).toMatchObject({ source: 'fallback', ruleId: null });
      expect(request.tags).not.toContain('大额欠款');
    }
  });

  it('shows in routing.explain the sum it read and whether it passed', async () => {
    const office = await open();
    const tested = async (owed: string | number, config?: string) => {
      const input = { ...office.claim('货款未结'), attributes: { amount_owed: owed } };
      const why = await office.system.routing.explain(input, config === undefined ? {} : { config });
      const condition = why.rules.find((rule) => rule.ruleId === 'large_debts')?.condition?.children?.[1];
      return { condition, decision: why.decision };
    };
    const large = await tested('壹拾贰万元整');
    expect(large.condition).toMatchObject({ kind: 'attributes.amount_owed', operator: AT_LEAST_OPERATOR, expected: '10万', actual: '壹拾贰万元整', passed: true });
    expect(large.decision.memberId).toBe(office.members.lawyer.id);
    expect((await tested('8万5')).condition).toMatchObject({ actual: '8万5', passed: false });
    // An office that records the sum as a number of yuan instead: the operator reads that too.
    const numeric = configText().replace('type: string', 'type: number');
    expect((await tested(150_000, numeric)).condition).toMatchObject({ actual: 150_000, passed: true });
  });

  it('refuses an office config whose rule gives it no sum, saying where and what to write', async () => {
    const office = await open();
    const before = await office.system.config.get();
    const text = configText().replace('debt-recovery.at_least: 10万', 'debt-recovery.at_least: 很多');
    const error = await office.system.config.update(text, { filename: 'kechuang.config.yaml' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as Error).message).toMatch(/kechuang\.config\.yaml:\d+:\d+/);
    expect((error as Error).message).toContain('debt-recovery.at_least: "很多" is not a sum of money; give a sum of money such as 100000, 10万 or 1.5亿');
    expect((await office.system.config.get())?.version).toBe(before?.version);
  });
});

describe('the debt-recovery.large_claim notice', () => {
  it('tells the station head of a large claim in the plugin’s wording, through the outbox and the worker', async () => {
    const office = await open();
    const request = await office.system.requests.submit(office.claim('40余个项目尾款未结', '约12万元'));
    const rows = await notices(office, request.id);
    expect(rows.map((row) => row['recipientMemberId'])).toEqual([office.members.stationHead.id]);
    expect(rows[0]?.['message']).toMatchObject({
      locale: 'zh-CN',
      title: '大额欠款诉求：杭州数像科技有限公司',
      text: [
        '王站长，您好：',
        '杭州数像科技有限公司反映被拖欠款项12万元，诉求「40余个项目尾款未结」已受理。',
        '承办人：李律师',
        '办理时限：2026年3月9日 17:30',
        '涉及金额较大，请关注办理进展，必要时督办。',
      ].join('\n'),
      to: { memberId: office.members.stationHead.id, name: '王站长', address: 'head@cangqian.example' },
      data: { event: LARGE_CLAIM_EVENT, requestId: request.id, amountYuan: 120_000 },
    });

    await createWorker(office.community).runOnce();
    const delivered = office.mailbox.messages.filter((message) => message.event === LARGE_CLAIM_EVENT);
    expect(delivered.map((message) => [message.to.address, message.title])).toEqual([['head@cangqian.example', '大额欠款诉求：杭州数像科技有限公司']]);
  });

  it('words it in English for a station head who reads English', async () => {
    const office = await open();
    await office.system.members.update({ id: office.members.stationHead.id, locale: 'en' });
    const request = await office.system.requests.submit(office.claim('Final invoices of 40 projects unpaid', '1234567.5元'));
    const [row] = await notices(office, request.id);
    expect(row?.['message']).toMatchObject({
      locale: 'en',
      title: 'Large unpaid debt reported: 杭州数像科技有限公司',
      text: [
        'Dear 王站长,',
        '杭州数像科技有限公司 reports CNY 1,234,567.5 owed to it. The request "Final invoices of 40 projects unpaid" has been taken in.',
        'Handled by: 李律师',
        'Due by: 9 Mar 2026, 17:30 (Asia/Shanghai)',
        'The sum is large: please follow the request, and supervise it if needed.',
      ].join('\n'),
    });
  });

  it('is not sent below noticeAtLeast, nor when the office’s rules name no one for it', async () => {
    const office = await open({ plugin: { noticeAtLeast: '50万' } });
    const small = await office.system.requests.submit(office.claim('项目尾款未结', '约12万元'));
    const large = await office.system.requests.submit(office.claim('项目尾款未结', '60万'));
    expect(await notices(office, small.id)).toEqual([]);
    expect(await notices(office, large.id)).toHaveLength(1);

    const untold = await open({ config: configText().replace(/  rules:\n    - on: \[debt-recovery\.large_claim\]\n.*\n/, '') });
    expect((await untold.system.config.get())?.config.notifications?.rules).toEqual([]);
    const request = await untold.system.requests.submit(untold.claim('项目尾款未结', '约12万元'));
    expect(await notices(untold, request.id)).toEqual([]);
  });

  it('commits with the submission or not at all: a later plugin’s failing transaction hook leaves neither', async () => {
    const archive = definePlugin({
      id: 'archive',
      setup({ hooks }) {
        hooks.transaction('submit', () => {
          throw new Error('档案系统暂时不可用');
        });
      },
    });
    const office = await open({ plugins: [archive()] });
    const error = await office.system.requests.submit(office.claim('40余个项目尾款未结', '约12万元')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PLUGIN_ERROR', details: { plugin: 'archive', stage: 'transaction' } });
    expect((await office.system.requests.list()).items).toEqual([]);
    expect(await office.storage.findMany({ model: 'outbox', where: [{ field: 'officeId', value: office.office.id }] })).toEqual([]);
  });
});

describe('the plugin’s options', () => {
  it('are refused when the community is created, each problem naming the option', () => {
    const create = () =>
      createCommunity({ storage: memoryStorage(), plugins: [debtRecovery({ attribute: 'Amount Owed', noticeAtLeast: '很多' })] });
    expect(create).toThrow(expect.objectContaining({ code: 'PLUGIN_ERROR' }));
    expect(create).toThrow("plugin 'debt-recovery' option attribute: name the attribute by its code in the office config, e.g. amount_owed");
    expect(create).toThrow(`plugin 'debt-recovery' option noticeAtLeast: "很多" is not a sum of money`);
  });

  it('take a number of yuan or a written sum', async () => {
    const office = await open({ plugin: { noticeAtLeast: 500_000 } });
    const request = await office.system.requests.submit(office.claim('项目尾款未结', '50万'));
    expect(await notices(office, request.id)).toHaveLength(1);
  });
});
