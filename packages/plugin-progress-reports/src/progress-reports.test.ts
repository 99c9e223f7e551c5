import { memoryStorage } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { killableStorage } from './__fixtures__/killable-storage.js';
import { communityOver, local, officeConfig, progressOffice, runDaily, sh, workerOf, type ProgressOffice } from './__fixtures__/progress-office.js';
import { SENT_MODEL, SERIES_MODEL } from './progress-schema.js';

const sentOn = async (fx: ProgressOffice, requestId: string): Promise<string[]> => (await fx.reports(requestId)).map((r) => local(r.sentAt));

/** Submits a land-use request, which the office's routing rule tags 长期办理, at `at`. */
async function landUse(fx: ProgressOffice, at: string) {
  fx.clock.set(sh(at));
  const request = await fx.system.requests.submit(fx.input('园区用地规划调整协调'));
  expect(request.tags).toContain('长期办理');
  return request;
}

describe('progress reports on long-running requests', () => {
  it('are due every 5 working days of the office calendar, across 中秋, 国庆 and the make-up Saturday', async () => {
    const fx = await progressOffice();
    const published: number[] = [];
    fx.community.events.on('progress-reports.sent', ({ n }) => void published.push(n));
    const request = await landUse(fx, '2026-09-23T10:00:00');
    const worker = workerOf(fx.community, 'w1');
    // Wed 9-23 → Thu 9-24, Mon 9-28, 9-29, 9-30 and, after the holidays, Thu 10-8 by close of business.
    await runDaily(fx.clock, worker, '2026-10-07');
    fx.clock.set(sh('2026-10-08T17:29:00'));
    await worker.runOnce();
    expect(await fx.reports(request.id)).toEqual([]);
    fx.clock.set(sh('2026-10-08T17:30:00'));
    await worker.runOnce();
    // Then 10-9, Sat 10-10 (a make-up workday), 10-12, 10-13, 10-14; and 10-15 … 10-21.
    await runDaily(fx.clock, worker, '2026-10-23');
    expect(await sentOn(fx, request.id)).toEqual(['2026-10-08 17:30', '2026-10-14 18:00', '2026-10-21 18:00']);
    expect(published).toEqual([1, 2, 3]);

    const rows = await fx.reportRows(request.id);
    expect(rows.map((row) => row['recipientMemberId'])).toEqual([fx.members.contact.id, fx.members.contact.id, fx.members.contact.id]);
    expect(rows.map((row) => row['status'])).toEqual(['delivered', 'delivered', 'delivered']);
    expect(rows[0]?.['message']).toMatchObject({
      locale: 'zh-CN',
      title: '诉求办理进展告知：园区用地规划调整协调',
      text: [
        '冯经理，您好：',
        '您于2026年9月23日反映的诉求「园区用地规划调整协调」已办理5个工作日，目前仍在办理中，现将进展告知如下。',
        '当前进展：已分派承办人，待签收办理',
        '承办人：李律师',
        '我们将持续跟进，办结后第一时间向您反馈。如情况有变化，请及时与我们联系。',
        '（第1次进展告知）',
      ].join('\n'),
      to: { memberId: fx.members.contact.id, name: '冯经理', address: 'feng@shuxiang.example' },
      data: { event: 'progress-reports.report', requestId: request.id, n: 1, workingDays: 5 },
    });
    expect((rows[2]?.['message'] as { text: string }).text).toContain('已办理15个工作日');
    // The worker delivered each once, to the contact's address.
    const delivered = fx.mail.messages.filter((m) => m.event === 'progress-reports.report');
    expect(delivered.map((m) => [m.to.address, m.data['n']])).toEqual([
      ['feng@shuxiang.example', 1],
      ['feng@shuxiang.example', 2],
      ['feng@shuxiang.example', 3],
    ]);
  });

  it('state where the request stands and its deadline, and stop once it is replied', async () => {
    const fx = await progressOffice({ intervalWorkingDays: 3, when: { slaPolicies: ['complex'] } });
    fx.clock.set(sh('2026-11-02T09:00:00'));
    const request = await fx.system.requests.submit(fx.input('厂区扩建规划许可咨询', { category: 'planning' }));
    const lead = fx.as(fx.members.lead.id);
    await lead.requests.accept({ requestId: request.id });
    await lead.requests.start({ requestId: request.id });
    const worker = workerOf(fx.community, 'w1');
    await runDaily(fx.clock, worker, '2026-11-05');
    const [first] = await fx.reportRows(request.id);
    expect((first?.['message'] as { text: string }).text).toContain('当前进展：正在办理\n承办人：李律师\n办理时限：2026年12月14日 17:30');
    await lead.requests.reply({ requestId: request.id, outcome: 'solved', note: '已协调规划部门出具许可意见' });
    await runDaily(fx.clock, worker, '2026-12-31');
    expect(await sentOn(fx, request.id)).toEqual(['2026-11-05 18:00']);
  });

  it('are not sent on a request that is not long-running', async () => {
    const fx = await progressOffice();
    const fired: string[] = [];
    const worker = workerOf(fx.community, 'w1');
    worker.on('fired', (timer) => void fired.push(timer.kind));
    const request = await fx.system.requests.submit(fx.input('合同纠纷咨询'));
    const other = await fx.system.requests.submit(fx.input('厂房租赁合同咨询', { category: 'planning' }));
    await runDaily(fx.clock, worker, '2026-12-31');
    expect(await fx.reports(request.id)).toEqual([]);
    expect(await fx.reports(other.id)).toEqual([]);
    expect(fired.filter((kind) => kind.startsWith('progress-reports.'))).toEqual([]);
  });

  it('follow an SLA policy or a category when the office marks long-running requests so', async () => {
    const byCategory = await progressOffice({ when: { categories: ['planning'] } });
    const planning = await byCategory.system.requests.submit(byCategory.input('厂区扩建规划许可咨询', { category: 'planning' }));
    const tagged = await landUse(byCategory, '2026-09-23T10:00:00');
    await runDaily(byCategory.clock, workerOf(byCategory.community, 'w1'), '2026-10-08');
    expect(await sentOn(byCategory, planning.id)).toEqual(['2026-10-08 18:00']);
    // Tagged 长期办理 by routing, but this office marks long-running requests by category only.
    expect(await byCategory.reports(tagged.id)).toEqual([]);
  });

  it('start when a later command makes the request long-running, counted from then', async () => {
    const fx = await progressOffice();
    fx.clock.set(sh('2026-09-23T10:00:00'));
    const request = await fx.system.requests.submit(fx.input('合同纠纷涉及厂房改建'));
    expect(request.tags).toEqual([]);
    fx.clock.set(sh('2026-09-23T11:00:00'));
    await fx.as(fx.members.lead.id).requests.return({ requestId: request.id, reason: '涉及规划审批，需规划部门牵头' });
    // The office now routes returned legal matters to its planner as long-running work.
    await fx.system.config.update(officeConfig({ rules: [{ id: 'hard_cases', when: { category: 'legal' }, then: { tags: ['长期办理'], assign: { member: 'L002' } } }] }));
    fx.clock.set(sh('2026-09-28T10:00:00'));
    const redispatched = await fx.as(fx.members.stationHead.id).requests.redispatch({ requestId: request.id });
    expect(redispatched.tags).toEqual(['长期办理']);
    const worker = workerOf(fx.community, 'w1');
    // From Mon 9-28: 9-29, 9-30, 10-8, 10-9 and the make-up Saturday 10-10 — not 10-8, as from the submission.
    await runDaily(fx.clock, worker, '2026-10-12');
    expect(await sentOn(fx, request.id)).toEqual(['2026-10-10 18:00']);
    const [row] = await fx.reportRows(request.id);
    // How long it has been in hand counts from the submission.
    expect((row?.['message'] as { text: string }).text).toContain('已办理7个工作日');
    expect((row?.['message'] as { text: string }).text).toContain('承办人：孙规划师');
  });

  it('carry on through an SLA escalation, which the plugin sees and leaves alone', async () => {
    const config = officeConfig();
    config.slaPolicies = [{ id: 'complex', labels: { 'zh-CN': '复杂事项', en: 'Complex matters' }, resolve: { workingDays: 3 }, reminders: [], escalation: [{ afterWorkingDays: 0, notify: ['station_head'] }] }];
    const fx = await progressOffice({}, { config });
    fx.clock.set(sh('2026-09-23T10:00:00'));
    const request = await fx.system.requests.submit(fx.input('园区用地规划调整协调', { category: 'planning' }));
    expect(request).toMatchObject({ tags: ['长期办理'], slaPolicy: 'complex' });
    // Due Mon 9-28 by close of business: the worker escalates it on 9-28 at 18:00.
    await runDaily(fx.clock, workerOf(fx.community, 'w1'), '2026-10-08');
    expect((await fx.system.requests.get(request.id)).request).toMatchObject({ escalationLevel: 1, version: request.version + 1 });
    // The series the submission started goes on: no second one from the escalation.
    expect(await fx.storage.findMany({ model: SERIES_MODEL, where: [{ field: 'id', value: request.id }] })).toMatchObject([{ series: request.version }]);
    expect(await sentOn(fx, request.id)).toEqual(['2026-10-08 18:00']);
  });

  it('start a new series after a redo, numbered on, and the old series sends nothing', async () => {
    const fx = await progressOffice();
    const request = await landUse(fx, '2026-09-23T10:00:00');
    const worker = workerOf(fx.community, 'w1');
    await runDaily(fx.clock, worker, '2026-10-08');
    const lead = fx.as(fx.members.lead.id);
    fx.clock.set(sh('2026-10-09T10:00:00'));
    await lead.requests.accept({ requestId: request.id });
    await lead.requests.reply({ requestId: request.id, outcome: 'explained', note: '已告知用地调整的办理流程' });
    fx.clock.set(sh('2026-10-12T10:00:00'));
    await fx.system.requests.followUp({ requestId: request.id, rating: 'unsatisfied', comment: '问题没有实际解决' });
    // The first series would have reported on 10-14; the redo's series reports 5 working days after 10-12.
    await runDaily(fx.clock, worker, '2026-10-20');
    const reports = await fx.reports(request.id);
    expect(reports.map((r) => [r.n, local(r.sentAt)])).toEqual([
      [1, '2026-10-08 18:00'],
      [2, '2026-10-19 18:00'],
    ]);
    expect(reports[1]?.series).toBeGreaterThan(reports[0]?.series ?? Infinity);
  });

  it('use the office’s template for progress-reports.report over the plugin’s option', async () => {
    const fx = await progressOffice(
      { template: { 'zh-CN': { title: '【进展】{title}', text: '第{n}次进展：已办理{elapsed}。' } } },
      {
        config: officeConfig({
          notifications: {
            channels: { email: 'mail' },
            templates: { 'progress-reports.report': { 'zh-CN': { title: '办理进展：{title}', text: '{enterprise}反映的诉求已办理{workingDays}个工作日，{state}。' } } },
          },
        }),
      },
    );
    const request = await landUse(fx, '2026-09-23T10:00:00');
    await runDaily(fx.clock, workerOf(fx.community, 'w1'), '2026-10-08');
    const [row] = await fx.reportRows(request.id);
    expect(row?.['message']).toMatchObject({ title: '办理进展：园区用地规划调整协调', text: '杭州数像科技有限公司反映的诉求已办理5个工作日，已分派承办人，待签收办理。' });
  });

  it('use the plugin’s option over its default, in the contact’s locale', async () => {
    const fx = await progressOffice({ template: { en: { title: '[Update] {title}', text: 'Update {n}: in hand for {elapsed}; {state}.' } } });
    await fx.system.members.update({ id: fx.members.contact.id, locale: 'en' });
    const request = await landUse(fx, '2026-09-23T10:00:00');
    await runDaily(fx.clock, workerOf(fx.community, 'w1'), '2026-10-08');
    const [row] = await fx.reportRows(request.id);
    expect(row?.['message']).toMatchObject({ locale: 'en', title: '[Update] 园区用地规划调整协调', text: 'Update 1: in hand for 5 working days; assigned to a handler, who is about to take it up.' });
  });

  it('are recorded with no message when the enterprise has no contact to tell', async () => {
    const fx = await progressOffice();
    fx.clock.set(sh('2026-09-23T10:00:00'));
    const request = await fx.system.requests.submit(fx.input('园区用地规划调整协调', { enterpriseId: fx.ent2.id }));
    await runDaily(fx.clock, workerOf(fx.community, 'w1'), '2026-10-14');
    expect((await fx.reports(request.id)).map((r) => [r.n, r.messages])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(await fx.reportRows(request.id)).toEqual([]);
  });
});

describe('a worker killed in the middle of a report', () => {
  it('leaves nothing behind, and the next worker sends each report exactly once', async () => {
    const shared = memoryStorage();
    const fx = await progressOffice({}, { storage: shared });
    const request = await landUse(fx, '2026-09-23T10:00:00');
    // A second process on the same database, whose worker dies while recording the first report,
    // after it has written the report's outbox row in the same transaction.
    const doomed = killableStorage(shared, ({ operation, model }) => operation === 'create' && model === SENT_MODEL);
    const dying = workerOf(communityOver(doomed.storage, fx, 'a'), 'dying');
    fx.clock.set(sh('2026-10-08T18:00:00'));
    void dying.runOnce();
    await expect.poll(() => doomed.killed()).toBe(true);
    expect(await fx.reports(request.id)).toEqual([]);
    expect(await fx.reportRows(request.id)).toEqual([]);

    // A worker started afterwards takes the timer over once the dead worker's lease expires.
    const survivor = workerOf(communityOver(shared, fx, 'b'), 'survivor');
    await survivor.runOnce();
    expect(await fx.reports(request.id)).toEqual([]);
    fx.clock.set(sh('2026-10-08T18:01:01'));
    await survivor.runOnce();
    await runDaily(fx.clock, survivor, '2026-10-22');
    expect((await fx.reports(request.id)).map((r) => [r.n, local(r.sentAt)])).toEqual([
      [1, '2026-10-08 18:01'],
      [2, '2026-10-14 18:00'],
      [3, '2026-10-21 18:00'],
    ]);
    expect((await fx.reportRows(request.id)).map((row) => (row['message'] as { data: { n: number } }).data.n)).toEqual([1, 2, 3]);
    expect(fx.mail.messages.filter((m) => m.event === 'progress-reports.report').map((m) => m.data['n'])).toEqual([1, 2, 3]);
  });
});
