/**
 * Quickstart: one enterprise request around the whole closed loop (闭环) in the demo
 * Mengchuang Community — the unpaid-invoices case from a visit, solved by the legal station —
 * then the community's first year replayed, with the three rates and February's report.
 */
import { createCommunity, type CommunitySession } from '@kechuang/community';
import { loadMengchuang } from './load-mengchuang.js';
import { storageFromEnv } from './storage-from-env.js';
import { yearReport } from './year-report.js';

// The embedded default: one SQLite file, made afresh for each run of the demo.
// DATABASE_URL=postgres://… runs the same code on PostgreSQL.
const { storage, where } = await storageFromEnv('quickstart');
const community = createCommunity({ storage });
const { office, directory, demo } = await loadMengchuang(community);
console.log(`Loaded ${directory.parks.length} parks, ${directory.enterprises.length} enterprises, ${directory.members.length} members into ${where}.`);

const as = (memberId: string): CommunitySession => community.as({ kind: 'member', officeId: office.id, memberId });
const deputy = as(demo.dispatcherIds[0]!);
const head = as(demo.stationHeadId);
const lawyer = as(demo.lawyerId);
const enterpriseId = [...demo.enterpriseIds.values()][0]!;

// 走访: on a visit the deputy station head hears about 40+ projects with unpaid final invoices.
const visit = await deputy.visits.record({
  enterpriseId,
  summary: '走访企业，了解经营情况',
  requests: [{ category: 'legal', title: '40余个项目尾款未结', description: '未签合同，仅有聊天记录，单笔金额小' }],
});
const id = visit.requests[0]!.id;

// Routing sent it to the legal station's lawyer (派单); then 签收 → 办理 → 反馈 → 回访 (satisfied: 办结).
await lawyer.requests.accept({ requestId: id, version: 1 });
await lawyer.requests.start({ requestId: id, version: 2 });
await lawyer.requests.note({ requestId: id, version: 3, text: '上门指导企业固定聊天记录中的证据' });
await lawyer.requests.reply({ requestId: id, version: 4, outcome: 'solved', note: '协助企业追回20余笔欠款' });
await head.requests.followUp({ requestId: id, version: 5, rating: 'satisfied', comment: '感谢律师上门服务' });

const { request, timeline } = await head.requests.get(id);
const names = new Map(directory.members.map((m) => [demo.memberIds.get(m.code), m.name]));
const time = new Intl.DateTimeFormat('zh-CN', { timeZone: office.timeZone, dateStyle: 'short', timeStyle: 'medium' });
console.log(`\n${request.title} — ${request.status}, outcome ${request.outcome}, rating ${request.satisfaction}\n`);
for (const entry of timeline) {
  const who = entry.actor.id ? (names.get(entry.actor.id) ?? entry.actor.id) : 'system';
  const due = entry.data['resolveDueAt'];
  const detail = entry.toStatus
    ? `${entry.fromStatus ?? '·'} → ${entry.toStatus}`
    : entry.type === 'routed'
      ? String(entry.data['reason'])
      : typeof due === 'string'
        ? `请于${time.format(new Date(due))}前办结 (${String(entry.data['policy'])})`
        : '';
  console.log(`  #${entry.seq}  ${time.format(entry.at)}  ${who.padEnd(4, '　')}  ${entry.type.padEnd(14)} ${detail}`);
}
await storage.close?.();

// Part two: the community's first year, replayed request by request, and its monthly report.
await yearReport('.data/reports');
