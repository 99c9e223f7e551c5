import {
  createCommunity,
  creditCodeCheckCharacter,
  isKechuangError,
  manualClock,
  memoryStorage,
  pluginRoutesOf,
  sequentialIds,
  type Actor,
  type CommunitySession,
  type ErrorCode,
  type KechuangError,
  type OfficesApi,
  type Plugin,
  type PluginErrorCode,
  type StorageAdapter,
  type SubmitRequestInput,
} from '@kechuang/community';
import { duplicates } from '../duplicates-plugin.js';
import type { DuplicatesOptionsInput } from '../duplicates-options.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A valid unified social credit code, numbered: the check character is computed. */
function creditCode(n: number): string {
  const first17 = `91330110MA2H${String(n).padStart(5, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

let codes = 0;

/**
 * One street office: a community with two parks, three enterprises (two in park 1, one in
 * park 2), a station head, a captain of park 1 and a contact for each of the first two
 * enterprises.
 */
async function addOffice<F>(community: { offices: OfficesApi; as(actor: Actor): CommunitySession<F> }, code: string, name: string) {
  const office = await community.offices.create({ code, name });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park1 = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const park2 = await system.parks.create({ communityId: mc.id, code: 'P02', name: '仓前数字产业园' });
  const enterprise = (n: string, parkId: string) => system.enterprises.create({ creditCode: creditCode(++codes), name: n, communityId: mc.id, parkId });
  const ent1 = await enterprise('杭州数像科技有限公司', park1.id);
  const ent2 = await enterprise('杭州云栖材料有限公司', park2.id);
  const ent3 = await enterprise('杭州未来视觉有限公司', park1.id);
  const member = (c: string, n: string, roles: Parameters<typeof system.members.create>[0]['roles']) => system.members.create({ code: c, name: n, roles });
  const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  const members = {
    stationHead: await member('S001', '王站长', [{ role: 'station_head' }]),
    lawyer: await member('L001', '李律师', [{ role: 'provider', teamId: legal.id }]),
    captain: await member('P01-C', '钱园区长', [{ role: 'captain', parkIds: [park1.id] }]),
    contact: await member('E001', '冯经理', [{ role: 'enterprise_contact', enterpriseId: ent1.id }]),
    otherContact: await member('E003', '蒋经理', [{ role: 'enterprise_contact', enterpriseId: ent3.id }]),
  };
  const as = (memberId: string) => community.as({ kind: 'member', officeId: office.id, memberId });
  /** A submission for enterprise 1 (or another), legal category, by phone. */
  const input = (title: string, description = '', extra: Partial<SubmitRequestInput> = {}): SubmitRequestInput => ({
    communityId: mc.id,
    enterpriseId: ent1.id,
    channel: 'phone',
    category: 'legal',
    title,
    description,
    ...extra,
  });
  /** Takes a request through to 办结: assigned to the lawyer, signed for, replied, closed. */
  const conclude = async (requestId: string): Promise<void> => {
    await as(members.stationHead.id).requests.assign({ requestId, assigneeId: members.lawyer.id });
    await as(members.lawyer.id).requests.accept({ requestId });
    await as(members.lawyer.id).requests.reply({ requestId, outcome: 'solved', note: '已协助整理聊天记录并发函催收' });
    await as(members.stationHead.id).requests.close({ requestId });
  };
  return { office, system, mc, park1, park2, ent1, ent2, ent3, members, as, input, conclude };
}


/**
 * A community with the duplicates plugin and two street offices (the second only to prove
 * that nothing crosses offices), a manual clock and deterministic ids. Failures of `after`
 * hooks land in `reported`.
 */
export async function duplicatesWorld(options: { plugin?: DuplicatesOptionsInput; storage?: StorageAdapter; others?: readonly Plugin[] } = {}) {
  const storage = options.storage ?? memoryStorage();
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const reported: unknown[] = [];
  const community = createCommunity({
    storage,
    clock,
    ids: sequentialIds('id'),
    plugins: [duplicates(options.plugin), ...(options.others ?? [])],
    onListenerError: (error) => void reported.push(error),
  });
  const suggested: { requestId: string; duplicateOfId: string; score: number; action: string }[] = [];
  community.events.on('duplicates.suggested', (e) => void suggested.push(e));
  const main = await addOffice(community, 'cangqian', '仓前街道');
  const other = await addOffice(community, 'wuchang', '五常街道');
  /** Moves the clock on, so that requests are submitted at distinct times. */
  const later = (days = 1): void => clock.advance(days * DAY_MS);
  /** The HTTP routes the plugins registered, as a server mounts them. */
  const routes = pluginRoutesOf(community);
  return { storage, clock, reported, suggested, later, routes, ...main, other };
}

export type DuplicatesWorld = Awaited<ReturnType<typeof duplicatesWorld>>;

/** The KechuangError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode | PluginErrorCode): Promise<KechuangError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isKechuangError(error, code)) throw new Error(`expected a KechuangError ${code}, got ${String(error)}`, { cause: error });
  return error;
}
