import { createCommunity, type Community, type CoreEvents, type FieldMapOfPlugins, type Plugin, type ServiceRequest, type StorageAdapter } from '@kechuang/community';
import { auditChain } from '../audit-chain-plugin.js';

/** A community typed with what the audit chain adds to records (`auditChainHead` on requests). */
export type AuditedCommunity = Community<CoreEvents, FieldMapOfPlugins<[ReturnType<typeof auditChain>]>>;

/** A community on `storage` with the audit chain installed first, then `extra` plugins. */
export function auditedCommunity(storage: StorageAdapter, extra: readonly Plugin[] = [], options: { recordInput?: 'digest' | 'none' } = {}): AuditedCommunity {
  return createCommunity({ storage, plugins: [auditChain(options), ...extra] });
}

/**
 * The entries opening an office makes: the office, its community, its team and its three
 * members are each created by a record command, #1 to #6.
 */
export const OPENING_ENTRIES = 6;

/**
 * An office with one community, a legal team, a station head, a member of office staff and a
 * lawyer, all made through the public API: {@link OPENING_ENTRIES} entries.
 */
export async function openOffice(community: Pick<AuditedCommunity, 'offices' | 'as'>, code: string) {
  const office = await community.offices.create({ code, name: `${code}街道` });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  const stationHead = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  const staff = await system.members.create({ code: 'S003', name: '周科员', roles: [{ role: 'office_staff' }] });
  const lawyer = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
  const as = (memberId: string) => community.as({ kind: 'member', officeId: office.id, memberId });
  const submit = (title = '咨询人才公寓申请政策'): Promise<ServiceRequest & { auditChainHead: string | null }> => system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'policy', title });
  const note = (request: { id: string }, text = '已电话联系企业，了解具体情况'): Promise<ServiceRequest & { auditChainHead: string | null }> => system.requests.note({ requestId: request.id, text });
  return { office, officeId: office.id, system, mc, legal, members: { stationHead, staff, lawyer }, as, submit, note };
}

export type AuditOffice = Awaited<ReturnType<typeof openOffice>>;

/**
 * Five entries over two requests, after the office's opening ones: r1 submitted (#7),
 * r2 submitted (#8), r1 noted (#9), r2 noted (#10), r1 noted again (#11).
 */
export async function fiveEntries(office: AuditOffice) {
  const r1 = await office.submit('40余个项目尾款未结');
  const r2 = await office.submit('咨询研发费用加计扣除');
  await office.note(r1);
  await office.note(r2);
  await office.note(r1, '律师已上门指导证据整理');
  return { r1, r2 };
}
