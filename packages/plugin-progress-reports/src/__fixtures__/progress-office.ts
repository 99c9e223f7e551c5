import {
  createCommunity,
  createWorker,
  creditCodeCheckCharacter,
  manualClock,
  memoryStorage,
  sequentialIds,
  type ManualClock,
  type NotificationMessage,
  type Notifier,
  type OfficeConfigInput,
  type Row,
  type StorageAdapter,
  type SubmitRequestInput,
  type Worker,
} from '@kechuang/community';
import { progressReports } from '../progress-reports-plugin.js';
import type { ProgressReportsOptionsInput } from '../progress-options.js';
import { SENT_MODEL, type SentReport } from '../progress-schema.js';

/** Shanghai wall-clock time as an instant. */
export const sh = (local: string): Date => new Date(`${local}+08:00`);

/** A Shanghai local date and time, `YYYY-MM-DD HH:mm`, for readable expectations. */
export const local = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * The office's config: a legal and a planning category (planning under the 30-working-day
 * `complex` SLA policy), a rule tagging land-use requests `长期办理`, everything else to the
 * lawyer, and e-mail delivered by the `mail` notifier. `rules` come before the tagging rule.
 */
export function officeConfig(extra: { rules?: NonNullable<OfficeConfigInput['routing']>['rules']; notifications?: OfficeConfigInput['notifications'] } = {}): OfficeConfigInput {
  return {
    portfolios: [{ id: 'economic_development', labels: labels('经济发展', 'Economic development') }],
    slaPolicies: [{ id: 'complex', labels: labels('复杂事项', 'Complex matters'), resolve: { workingDays: 30 }, reminders: [] }],
    categories: [
      { id: 'legal', labels: labels('法律服务', 'Legal') },
      { id: 'planning', labels: labels('规划建设', 'Planning and building'), sla: 'complex' },
    ],
    routing: {
      rules: [...(extra.rules ?? []), { id: 'land_use', when: { text: { any: ['用地'] } }, then: { tags: ['长期办理'] }, continue: true }],
      fallback: { assign: { member: 'L001' } },
    },
    notifications: extra.notifications ?? { channels: { email: 'mail' } },
  };
}

/** A notifier that keeps what it was handed. */
export function recordingNotifier(): Notifier & { messages: NotificationMessage[] } {
  const messages: NotificationMessage[] = [];
  return {
    id: 'mail',
    channel: 'email',
    messages,
    async send(message) {
      messages.push(message);
      return { externalId: `mail-${messages.length}` };
    },
  };
}

/** The pieces one community needs besides its storage, so two communities can share them. */
export interface OfficeParts {
  clock: ManualClock;
  mail: ReturnType<typeof recordingNotifier>;
  plugin: ReturnType<typeof progressReports>;
}

/** A community with the plugin over `storage`, on the shared clock and notifier. */
export function communityOver(storage: StorageAdapter, parts: OfficeParts, idPrefix = 'id') {
  return createCommunity({ storage, clock: parts.clock, ids: sequentialIds(idPrefix), notifiers: [parts.mail], plugins: [parts.plugin] });
}

/**
 * Cangqian Street with the plugin: one community and park, an enterprise with a contact who
 * reads e-mail, another enterprise with none, the station head, a lawyer who leads requests
 * and a planner whom rules may name; on Wednesday 2026-09-23 09:00 Shanghai time, before the Mid-Autumn and National
 * Day holidays.
 */
export async function progressOffice(
  options: ProgressReportsOptionsInput = {},
  { config = officeConfig(), storage = memoryStorage() }: { config?: OfficeConfigInput | null; storage?: StorageAdapter } = {},
) {
  const parts: OfficeParts = { clock: manualClock(sh('2026-09-23T09:00:00')), mail: recordingNotifier(), plugin: progressReports(options) };
  const community = communityOver(storage, parts);
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const code = (first17: string) => first17 + creditCodeCheckCharacter(first17);
  const ent1 = await system.enterprises.create({ creditCode: code('91330110MA2H3QXG0'), name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
  const ent2 = await system.enterprises.create({ creditCode: code('91330110MA2H3QXH9'), name: '杭州云栖材料有限公司', communityId: mc.id, parkId: park.id });
  const members = {
    stationHead: await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }], email: 'head@mengchuang.example' }),
    lead: await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'commissioner', portfolio: 'economic_development' }], email: 'lead@mengchuang.example' }),
    planner: await system.members.create({ code: 'L002', name: '孙规划师', roles: [{ role: 'office_staff' }], email: 'planner@mengchuang.example' }),
    contact: await system.members.create({ code: 'E001', name: '冯经理', roles: [{ role: 'enterprise_contact', enterpriseId: ent1.id }], email: 'feng@shuxiang.example' }),
  };
  if (config) await system.config.update(config);
  const as = (memberId: string) => community.as({ kind: 'member', officeId: office.id, memberId });
  /** A submission by phone for enterprise 1, in the legal category unless told otherwise. */
  const input = (title: string, extra: Partial<SubmitRequestInput> = {}): SubmitRequestInput => ({
    communityId: mc.id,
    enterpriseId: ent1.id,
    channel: 'phone',
    category: 'legal',
    title,
    description: '企业反映的问题需要较长时间协调办理',
    ...extra,
  });
  /** The reports sent on a request, in order. */
  const reports = async (requestId: string): Promise<SentReport[]> =>
    (await storage.findMany({ model: SENT_MODEL, where: [{ field: 'requestId', value: requestId }], orderBy: [{ field: 'n' }] })).map((row: Row) => ({
      id: row['id'] as string,
      officeId: row['officeId'] as string,
      requestId: row['requestId'] as string,
      n: row['n'] as number,
      sentAt: row['sentAt'] as Date,
      messages: row['messages'] as number,
      series: row['series'] as number,
    }));
  /** The outbox rows of a request's progress reports, oldest first. */
  const reportRows = async (requestId: string): Promise<Row[]> =>
    storage.findMany({ model: 'outbox', where: [{ field: 'requestId', value: requestId }, { field: 'event', value: 'progress-reports.report' }], orderBy: [{ field: 'createdAt' }, { field: 'id' }] });
  return { ...parts, community, storage, office, system, mc, park, ent1, ent2, members, as, input, reports, reportRows };
}

export type ProgressOffice = Awaited<ReturnType<typeof progressOffice>>;

/**
 * Moves the clock to each day's `time` (Shanghai) from the day after the clock's date up to
 * and including `until`, running the worker once a day, as a worker polling all along would.
 */
export async function runDaily(clock: ManualClock, worker: Pick<Worker, 'runOnce'>, until: string, time = '18:00'): Promise<void> {
  for (let day = nextDay(local(clock.now()).slice(0, 10)); day <= until; day = nextDay(day)) {
    clock.set(sh(`${day}T${time}:00`));
    // Until a round has nothing left (a fired report may make its notification due at once).
    while ((await worker.runOnce()) > 0);
  }
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Several workers as one: each round runs a round of every worker at the same time. */
export function together(...workers: Pick<Worker, 'runOnce'>[]): Pick<Worker, 'runOnce'> {
  return { runOnce: async () => (await Promise.all(workers.map((w) => w.runOnce()))).reduce((a, b) => a + b, 0) };
}

/** A worker on the community, one round at a time. */
export const workerOf = (community: ReturnType<typeof communityOver>, id: string): Worker => createWorker(community, { id });
