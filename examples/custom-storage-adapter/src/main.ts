/**
 * The SDK on the JSON-file adapter: one enterprise request around the closed loop (闭环), a
 * reminder (催办) fired by a worker that leases timers with guarded updates (the adapter has no
 * `claim`), the month's rates computed from rows (it has no `aggregate`), and the file opened
 * again by a new adapter to show that everything committed is there.
 *
 * Run it with `npm start` in this directory. STORE_DIR chooses where the file goes (default: a
 * new temporary directory).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommunity, createWorker, manualClock, type OfficeConfigInput } from '@kechuang/community';
import { jsonFileStorage } from './json-file-storage.js';

const path = join(process.env['STORE_DIR'] ?? mkdtempSync(join(tmpdir(), 'kechuang-json-')), 'community.json');
const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const config: OfficeConfigInput = {
  teams: [{ code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') }],
  slaPolicies: [{ id: 'assistance', labels: labels('求助类', 'Assistance'), respond: { workingDays: 1 }, resolve: { workingDays: 5 } }],
  categories: [{ id: 'legal', labels: labels('法律服务', 'Legal'), sla: 'assistance' }],
  routing: { rules: [{ id: 'legal', when: { category: 'legal' }, then: { assign: { team: 'LEGAL' } } }], fallback: { assign: { role: 'station_head' } } },
};

// Monday 2 March 2026, 09:00 in Hangzhou; the clock only moves when told to.
const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
const storage = jsonFileStorage({ path });
const community = createCommunity({ storage, clock, config });

const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
const system = community.as({ kind: 'system', officeId: office.id });
const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
const lawyer = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
const asLawyer = community.as({ kind: 'member', officeId: office.id, memberId: lawyer.id });
const asHead = community.as({ kind: 'member', officeId: office.id, memberId: head.id });

// 受理 → 派单: routing sends a legal request to the legal station.
let request = await system.requests.submit({ communityId: mc.id, channel: 'visit', category: 'legal', title: '40余个项目尾款未结', description: '未签合同，仅有聊天记录' });
console.log(`submitted: ${request.status}, assigned to ${request.assigneeId === lawyer.id ? lawyer.name : String(request.assigneeId)}`);

const hours = (n: number): void => clock.advance(n * 60 * 60 * 1000);

// Three working days later half of the resolve time is used: the worker fires the reminder.
hours(3 * 24);
const worker = createWorker(community, { notify: false });
worker.on('fired', (timer) => console.log(`fired a ${timer.kind} timer`));
console.log(`worker fired ${await worker.runOnce()} timer(s)`);

// 签收 → 办理 → 反馈 → 回访.
request = await asLawyer.requests.accept({ requestId: request.id, version: request.version });
request = await asLawyer.requests.start({ requestId: request.id, version: request.version });
hours(2);
request = await asLawyer.requests.reply({ requestId: request.id, version: request.version, outcome: 'solved', note: '协助企业追回20余笔欠款' });
hours(1);
request = await asHead.requests.followUp({ requestId: request.id, version: request.version, rating: 'satisfied' });
console.log(`closed: ${request.status}, outcome ${String(request.outcome)}, rating ${String(request.satisfaction)}`);

hours(1);
const march = await system.metrics.query({ period: { month: '2026-03' } });
console.log(`March: resolution rate ${String(march.total.rates.resolution)}, satisfaction rate ${String(march.total.rates.satisfaction)}`);
await storage.close?.();

// A new adapter on the same file, as after a restart.
const reopened = jsonFileStorage({ path });
const again = createCommunity({ storage: reopened, config });
const { request: stored, timeline } = await again.as({ kind: 'system', officeId: office.id }).requests.get(request.id);
console.log(`reopened ${path}: ${stored.title} is ${stored.status}, version ${stored.version}, ${timeline.length} timeline entries`);
await reopened.close?.();
