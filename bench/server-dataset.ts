/**
 * The database the HTTP benchmarks serve: the Mengchuang demo on a SQLite file, written once
 * per run through the SDK and then copied for each server process, so every side of every
 * benchmark starts from the same fresh file.
 *
 * - The directory: `generateMengchuang()` with 6,000 enterprises (SERVER_BENCH_ENTERPRISES),
 *   loaded with `loadDemo`, and the demo's `kechuang.config.yaml` in force.
 * - The seed: SERVER_BENCH_REQUESTS (default 3,000) requests submitted by the station head, a
 *   third of them legal matters that the routing rules send to the legal station, whose only
 *   provider is the lawyer. Of the lawyer's requests two fifths stay assigned, one fifth is
 *   accepted, one is being worked on and one is replied to, so the lawyer's queue (assigned or
 *   accepted) holds three fifths of them and the list has states to skip. The rest spread over
 *   the other categories and land with the commissioners.
 * - The fixture: the ids the server processes need (office, actors, the enterprise a submit
 *   names) and the request a benchmark submit would create, which the baseline copies.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createCommunity, type CommunitySession, type ServiceRequest } from '@kechuang/community';
import { demoMobile, generateMengchuang, loadDemo, mengchuangConfigText } from '@kechuang/demo';
import { sqliteStorage } from '@kechuang/storage-sqlite';

/** What the server processes read about the prepared database. */
export interface ServerFixture {
  officeId: string;
  communityId: string;
  /** Submits as the station head (站长). */
  stationHeadId: string;
  /** Lists the queue as the legal station's lawyer. */
  lawyerId: string;
  legalTeamId: string;
  /** The body of every benchmark submit: a legal matter about an unpaid invoice (尾款). */
  submitBody: Record<string, unknown>;
  /** A request the SDK stored for `submitBody`: the baseline inserts rows shaped like it. */
  templateRequestId: string;
  enterprises: number;
  seeded: { requests: number; lawyer: number; lawyerQueue: number };
  prepareSeconds: number;
}

/** How big the prepared database is. */
export interface DatasetSize {
  enterprises: number;
  requests: number;
}

/** Titles per category that the demo rules route by category, not by a stray keyword. */
const TOPICS: Record<string, [title: string, description: string][]> = {
  legal: [
    ['项目尾款未结', '合同约定的尾款对方拖了半年，只有聊天记录'],
    ['合同纠纷咨询', '供应商交付延期，想知道能否解除合同'],
  ],
  policy: [['咨询高新技术企业认定', '想了解今年的申报时间和需要准备的材料']],
  talent: [['招聘算法工程师', '希望通过园区渠道发布招聘信息']],
  finance: [['科技型中小企业贷款', '想了解贴息政策和申请条件']],
  facilities: [['园区停车位不足', '员工停车困难，希望增加车位']],
  public_services: [['办理员工公积金', '新入职员工的公积金开户流程']],
  party: [['成立党支部', '公司党员已有五名，想成立党支部']],
  other: [['快递收发点设置', '希望在楼下设置快递柜']],
};
const OTHER_CATEGORIES = Object.keys(TOPICS).filter((c) => c !== 'legal');
const CHANNELS = ['phone', 'visit', 'walk_in', 'online'] as const;

/** Reads a whole number ≥ `min` from the environment, or the default. */
export function envCount(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

/** The size from SERVER_BENCH_ENTERPRISES and SERVER_BENCH_REQUESTS. */
export function datasetSizeFromEnv(): DatasetSize {
  return { enterprises: envCount('SERVER_BENCH_ENTERPRISES', 6000, 1), requests: envCount('SERVER_BENCH_REQUESTS', 3000, 0) };
}

/** Writes the demo database to `file` (which must not exist yet) and returns its fixture. */
export async function prepareServerDataset(file: string, size: DatasetSize): Promise<ServerFixture> {
  const started = performance.now();
  const storage = sqliteStorage({ filename: file });
  try {
    const community = createCommunity({ storage });
    const directory = generateMengchuang({ enterprises: size.enterprises });
    const office = await community.offices.create(directory.office);
    const demo = await loadDemo(community.as({ kind: 'system', officeId: office.id }), directory);
    const head = community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId });
    const lawyer = community.as({ kind: 'member', officeId: office.id, memberId: demo.lawyerId });
    await head.config.update(mengchuangConfigText());

    const enterpriseIds = [...demo.enterpriseIds.values()];
    const submitBody = {
      communityId: demo.communityId,
      enterpriseId: enterpriseIds[0],
      channel: 'phone',
      category: 'legal',
      title: '项目尾款未结',
      description: '没有签合同，只有聊天记录，对方拖欠尾款十二万元',
      attributes: { amount: 120000 },
      contact: { name: '陈经理', phone: demoMobile(1) },
    };
    const template = await head.requests.submit(submitBody as never);
    if (template.assigneeId !== demo.lawyerId) throw new Error(`the benchmark submit should route to the lawyer, but went to ${template.assigneeId}`);

    // The template request is the lawyer's too, and still assigned.
    const seeded = await seedRequests(head, lawyer, { communityId: demo.communityId, enterpriseIds, lawyerId: demo.lawyerId, count: size.requests });
    return {
      officeId: office.id,
      communityId: demo.communityId,
      stationHeadId: demo.stationHeadId,
      lawyerId: demo.lawyerId,
      legalTeamId: demo.legalTeamId,
      submitBody,
      templateRequestId: template.id,
      enterprises: directory.enterprises.length,
      seeded: { requests: seeded.requests + 1, lawyer: seeded.lawyer + 1, lawyerQueue: seeded.lawyerQueue + 1 },
      prepareSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    // Closing the only connection checkpoints the WAL into the file, so copying the file alone is a whole copy.
    await storage.close?.();
  }
}

async function seedRequests(
  head: CommunitySession,
  lawyer: CommunitySession,
  seed: { communityId: string; enterpriseIds: string[]; lawyerId: string; count: number },
): Promise<ServerFixture['seeded']> {
  let legal = 0;
  let lawyerCount = 0;
  let lawyerQueue = 0;
  for (let i = 0; i < seed.count; i++) {
    const isLegal = i % 3 === 0;
    const category = isLegal ? 'legal' : OTHER_CATEGORIES[i % OTHER_CATEGORIES.length]!;
    const topics = TOPICS[category]!;
    const [title, description] = topics[i % topics.length]!;
    const submitted = await head.requests.submit({
      communityId: seed.communityId,
      enterpriseId: seed.enterpriseIds[i % seed.enterpriseIds.length]!,
      channel: CHANNELS[i % CHANNELS.length]!,
      category,
      title,
      description,
    } as never);
    if (submitted.assigneeId !== seed.lawyerId) continue;
    lawyerCount++;
    const stage = legal++ % 5;
    if (stage <= 2) lawyerQueue++;
    if (stage < 2) continue;
    let request: ServiceRequest = await lawyer.requests.accept({ requestId: submitted.id });
    if (stage >= 3) request = await lawyer.requests.start({ requestId: request.id });
    if (stage === 4) await lawyer.requests.reply({ requestId: request.id, outcome: 'explained', note: '已电话说明处理途径，建议先发律师函' });
  }
  return { requests: seed.count, lawyer: lawyerCount, lawyerQueue };
}

export function writeFixture(file: string, fixture: ServerFixture): void {
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
}

export function readFixture(file: string): ServerFixture {
  return JSON.parse(readFileSync(file, 'utf8')) as ServerFixture;
}
