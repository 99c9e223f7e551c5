import {
  createCommunity,
  creditCodeCheckCharacter,
  manualClock,
  sequentialIds,
  type Actor,
  type CommunitySession,
  type Enterprise,
  type Member,
  type Office,
  type OfficeConfigInput,
  type ServiceRequest,
  type StorageAdapter,
  type StorageSchema,
  type Visit,
} from '@kechuang/community';

/** The two tenants of the deployment; every attack is made from one side against the other. */
export type Side = 'A' | 'B';
export const otherSide = (side: Side): Side => (side === 'A' ? 'B' : 'A');

/** The directory APIs of a session, by their property name. */
export const directoryKeys = ['communities', 'parks', 'buildings', 'enterprises', 'teams', 'members'] as const;
export type DirectoryKey = (typeof directoryKeys)[number];

/** The storage model behind each directory API (cursors are scoped by it). */
export const modelOf: Record<DirectoryKey, string> = {
  communities: 'community',
  parks: 'park',
  buildings: 'building',
  enterprises: 'enterprise',
  teams: 'team',
  members: 'member',
};

/** One actor of an office and what the default policy lets it do. */
export interface WorldActor {
  label: string;
  session: CommunitySession;
  memberId: string | null;
  /** May create, update and archive directory records and store the config. */
  managesDirectory: boolean;
  /** Holds a dispatch role (assign, reassign, merge, add assists). */
  dispatches: boolean;
  /** May settle returns (redispatch, overrule). */
  settlesReturns: boolean;
  /** Enterprises the actor may submit requests and record visits for. */
  submitsFor: ReadonlySet<string>;
  /**
   * Records of the actor's own office that the default policy keeps from it: for a member
   * whose only role is enterprise contact, the other enterprises and their contacts.
   */
  hiddenInDirectory: ReadonlySet<string>;
}

export interface DirectoryEntry {
  id: string;
  code: string;
}

/** A keyset cursor handed out by one of the office's lists, with the list it belongs to. */
export interface ScopedCursor {
  scope: string;
  cursor: string;
}

/** One office, fully populated, and everything the attacks need to know about it. */
export interface OfficeWorld {
  side: Side;
  office: Office;
  system: CommunitySession;
  actors: WorldActor[];
  directory: Record<DirectoryKey, DirectoryEntry[]>;
  /** Members who can take work, for inputs that must pass their own reference checks. */
  activeMemberIds: string[];
  requests: ServiceRequest[];
  visits: Visit[];
  cursors: ScopedCursor[];
  /** Names and codes that only this office uses: none may ever show up in the other office's results. */
  ownWords: string[];
  idempotencyKey: string;
  /** The 12345 ticket of one request; null when the run leaves tickets out. */
  externalRef: { source: string; id: string } | null;
  visitIdempotencyKey: string;
  config: OfficeConfigInput;
}

export interface TwoOfficeWorld {
  A: OfficeWorld;
  B: OfficeWorld;
  as(actor: Actor): CommunitySession;
  schema: StorageSchema;
  storage: StorageAdapter;
}

const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The same policy document for both offices: it names directory records by code, resolved per office. */
export function officeConfig(): OfficeConfigInput {
  return {
    portfolios: [{ id: 'economic_development', labels: labels('经济发展', 'Economic development') }],
    teams: [{ code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') }],
    slaPolicies: [
      {
        id: 'assistance',
        labels: labels('求助类', 'Assistance'),
        respond: { workingHours: 4 },
        resolve: { workingDays: 5 },
        assist: { workingDays: 3 },
        extension: { approvers: ['station_head'], maxWorkingDays: 10 },
      },
    ],
    defaultSla: 'assistance',
    categories: [
      { id: 'legal', labels: labels('法律服务', 'Legal') },
      { id: 'policy', labels: labels('政策咨询', 'Policy'), portfolio: 'economic_development' },
      { id: 'other', labels: labels('其他', 'Other') },
    ],
    routing: {
      rules: [
        { id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'round_robin' } } },
        { id: 'policy', when: { category: 'policy' }, then: { assign: { portfolio: 'economic_development' } } },
      ],
      fallback: { assign: { role: 'station_head' } },
    },
  };
}

/** A valid credit code from 17 characters. */
export const creditCode = (first17: string): string => `${first17}${creditCodeCheckCharacter(first17)}`;

/** Shared by both offices, as a company registered with both could be. */
const SHARED_CREDIT_CODE = '91330110MA2H3QXG0X';

interface OfficeSpec {
  side: Side;
  code: string;
  name: string;
  communityName: string;
  annexName: string;
  parkNames: [string, string, string];
  enterpriseNames: [string, string];
  people: string;
}

const SPECS: Record<Side, OfficeSpec> = {
  A: {
    side: 'A',
    code: 'cangqian',
    name: '仓前街道',
    communityName: '梦创社区',
    annexName: '仓前未来科技城',
    parkNames: ['梦想小镇一号园', '仓前数字产业园', '未来科技孵化园'],
    enterpriseNames: ['杭州数像科技有限公司', '杭州云栖材料有限公司'],
    people: '王陈周赵李孙吴钱郑冯蒋',
  },
  B: {
    side: 'B',
    code: 'liangzhu',
    name: '良渚街道',
    communityName: '良渚文创社区',
    annexName: '良渚新城',
    parkNames: ['良渚文化创意园', '良渚生命科技园', '玉鸟流苏园'],
    enterpriseNames: ['杭州良渚文创有限公司', '杭州玉琮生物有限公司'],
    people: '林何许高罗梁宋唐韩曹彭',
  },
};

const SEE_ALL = new Set(['station_head', 'dispatcher', 'office_staff', 'commissioner', 'system']);
const MANAGERS = new Set(['station_head', 'office_staff', 'system']);
const DISPATCH = new Set(['station_head', 'dispatcher', 'office_staff', 'system']);
const SETTLE = new Set(['station_head', 'dispatcher', 'system']);

/** What the default policy lets an actor do, from its roles (no member: the system). */
function worldActor(label: string, session: CommunitySession, member: Member | null, enterprises: readonly Enterprise[], members: readonly Member[]): WorldActor {
  const roles = member ? member.roles.map((r) => r.role as string) : ['system'];
  const parks = new Set(member?.roles.flatMap((r) => (r.role === 'captain' ? r.parkIds : [])) ?? []);
  const contactOf = new Set(member?.roles.flatMap((r) => (r.role === 'enterprise_contact' ? [r.enterpriseId] : [])) ?? []);
  const has = (names: ReadonlySet<string>) => roles.some((r) => names.has(r));
  const seesAll = has(SEE_ALL);
  const submitsFor = new Set(enterprises.filter((e) => seesAll || (e.parkId !== null && parks.has(e.parkId)) || contactOf.has(e.id)).map((e) => e.id));
  const onlyContact = (m: Member) => m.roles.every((r) => r.role === 'enterprise_contact');
  const otherCompany = (m: Member) => m.roles.every((r) => r.role === 'enterprise_contact' && !contactOf.has(r.enterpriseId));
  const hiddenInDirectory = new Set(
    member && onlyContact(member) ? [...enterprises.filter((e) => !contactOf.has(e.id)).map((e) => e.id), ...members.filter(otherCompany).map((m) => m.id)] : [],
  );
  return { label, session, memberId: member?.id ?? null, managesDirectory: has(MANAGERS), dispatches: has(DISPATCH), settlesReturns: has(SETTLE), submitsFor, hiddenInDirectory };
}

/**
 * Builds one office through the public API: two communities, three parks, two buildings,
 * three teams, two enterprises, a member of every role, requests in every state of the
 * default workflow (some before the config existed, the rest routed and timed by it),
 * assists, a supervision, an extension request, two visits, and cursors from its lists.
 */
async function buildOffice(
  as: (actor: Actor) => CommunitySession,
  createOffice: (code: string, name: string) => Promise<Office>,
  tick: () => void,
  spec: OfficeSpec,
  options: BuildOptions,
): Promise<OfficeWorld> {
  const { side } = spec;
  const office = await createOffice(spec.code, spec.name);
  const system = as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: spec.communityName });
  const annex = await system.communities.create({ code: `${side}-ANNEX`, name: spec.annexName });
  const park1 = await system.parks.create({ communityId: mc.id, code: 'P01', name: spec.parkNames[0] });
  const park2 = await system.parks.create({ communityId: mc.id, code: 'P02', name: spec.parkNames[1], kind: 'factory_area' });
  const park3 = await system.parks.create({ communityId: annex.id, code: `${side}-P09`, name: spec.parkNames[2] });
  const building1 = await system.buildings.create({ parkId: park1.id, code: 'P01-B01', name: `${spec.parkNames[0]}1号楼` });
  const building2 = await system.buildings.create({ parkId: park2.id, code: `${side}-P02-B07`, name: `${spec.parkNames[1]}7号楼` });
  const legal = await system.teams.create({ code: 'LEGAL', name: `${spec.name}法律服务站`, kind: 'legal' });
  const tax = await system.teams.create({ code: 'TAX', name: `${spec.name}财税服务队` });
  const lab = await system.teams.create({ code: `${side}-LAB`, name: `${spec.name}检测服务队` });
  const ent1 = await system.enterprises.create({ creditCode: SHARED_CREDIT_CODE, name: spec.enterpriseNames[0], communityId: mc.id, parkId: park1.id, buildingId: building1.id, industry: '数字经济', size: 'small' });
  const ent2 = await system.enterprises.create({ creditCode: creditCode(`91330110MA2H3QXK${side}`), name: spec.enterpriseNames[1], communityId: mc.id, parkId: park2.id, buildingId: building2.id, industry: '新材料', size: 'micro' });
  const person = (i: number, title: string) => `${spec.people.charAt(i)}${title}`;
  const member = (code: string, name: string, roles: Parameters<CommunitySession['members']['create']>[0]['roles']) => system.members.create({ code, name, roles });
  const m = {
    head: await member('S001', person(0, '站长'), [{ role: 'station_head' }]),
    dispatcher: await member('S002', person(1, '副站长'), [{ role: 'dispatcher' }]),
    staff: await member('S003', person(2, '科员'), [{ role: 'office_staff' }]),
    commissioner: await member('C001', person(3, '专员'), [{ role: 'commissioner', portfolio: 'economic_development' }]),
    lawyer1: await member('L001', person(4, '律师'), [{ role: 'provider', teamId: legal.id }]),
    lawyer2: await member('L002', person(5, '律师'), [{ role: 'provider', teamId: legal.id }]),
    taxAdviser: await member('X001', person(6, '顾问'), [{ role: 'provider', teamId: tax.id }]),
    captain1: await member('P01-C', person(7, '园区长'), [{ role: 'captain', parkIds: [park1.id] }]),
    captain2: await member(`${side}-P02-C`, person(8, '园区长'), [{ role: 'captain', parkIds: [park2.id, park3.id] }]),
    contact1: await member('E001', person(9, '经理'), [{ role: 'enterprise_contact', enterpriseId: ent1.id }]),
    contact2: await member(`${side}-E002`, person(10, '经理'), [{ role: 'enterprise_contact', enterpriseId: ent2.id }]),
  };
  const sessionOf = (memberId: string) => as({ kind: 'member', officeId: office.id, memberId });
  const everyone = Object.values(m);
  const actors = [worldActor('system', system, null, [ent1, ent2], everyone), ...Object.entries(m).map(([label, rec]) => worldActor(label, sessionOf(rec.id), rec, [ent1, ent2], everyone))];
  const actor = (memberId: string | null): CommunitySession => (memberId === null ? system : sessionOf(memberId));

  const idempotencyKey = `${side}-intake-0001`;
  const externalRef = options.externalRefs ? { source: '12345', id: `${side}-T-20260302-0001` } : null;
  const visitIdempotencyKey = `${side}-visit-0001`;
  const base = { communityId: mc.id, enterpriseId: ent1.id, channel: 'phone' as const, description: '只有聊天记录' };
  const submit = async (session: CommunitySession, input: Partial<Parameters<CommunitySession['requests']['submit']>[0]> & { category: string; title: string }) => {
    tick();
    return session.requests.submit({ ...base, ...input });
  };
  const assigneeOf = (r: ServiceRequest): CommunitySession => actor(r.assigneeId);

  // Before the office has a config nothing is routed: these stay submitted (or are withdrawn).
  await submit(system, { category: 'other', title: '厂房漏水需要协调' });
  await submit(actor(m.captain1.id), { category: 'other', channel: 'captain_report', parkId: park1.id, title: '园区道路照明损坏' });
  const toWithdraw = await submit(actor(m.contact1.id), { category: 'other', title: '咨询停车位' });
  await actor(m.contact1.id).requests.withdraw({ requestId: toWithdraw.id, reason: '已自行解决' });

  const config = officeConfig();
  await actor(m.head.id).config.update(config);

  // Routed by the config: legal work goes round-robin to the legal team, policy to the commissioner.
  const legalRequest = (title: string, enterpriseId = ent1.id) => submit(system, { category: 'legal', title, enterpriseId });
  await legalRequest('40余个项目尾款未结');
  const accepted = await legalRequest('合同纠纷咨询', ent2.id);
  await assigneeOf(accepted).requests.accept({ requestId: accepted.id });
  const working = await legalRequest('劳动仲裁咨询');
  await assigneeOf(working).requests.accept({ requestId: working.id });
  await assigneeOf(working).requests.start({ requestId: working.id });
  await actor(m.head.id).requests.addAssist({ requestId: working.id, memberId: m.taxAdviser.id });
  await actor(m.head.id).requests.addAssist({ requestId: working.id, teamId: lab.id });
  await actor(m.taxAdviser.id).requests.signAssist({ requestId: working.id });
  await actor(m.captain1.id).requests.note({ requestId: working.id, text: '企业补充了聊天记录截图' });
  const paused = await legalRequest('商标侵权取证');
  await assigneeOf(paused).requests.accept({ requestId: paused.id });
  await assigneeOf(paused).requests.start({ requestId: paused.id });
  await assigneeOf(paused).requests.pause({ requestId: paused.id, reason: '等待企业提供材料' });
  const replied = await legalRequest('股权转让协议审查');
  await assigneeOf(replied).requests.accept({ requestId: replied.id });
  await assigneeOf(replied).requests.reply({ requestId: replied.id, outcome: 'explained', note: '已当面解释' });
  const closed = await legalRequest('知识产权质押融资', ent2.id);
  await assigneeOf(closed).requests.accept({ requestId: closed.id });
  await assigneeOf(closed).requests.reply({ requestId: closed.id, outcome: 'solved', note: '已协助办理' });
  await actor(m.commissioner.id).requests.followUp({ requestId: closed.id, rating: 'satisfied' });
  const returned = await legalRequest('厂区消防验收');
  await assigneeOf(returned).requests.return({ requestId: returned.id, reason: '不属于法律服务', suggestedOwnerId: m.taxAdviser.id });
  const duplicate = await submit(system, { category: 'other', title: '合同纠纷咨询（重复）', enterpriseId: ent2.id });
  await actor(m.dispatcher.id).requests.merge({ requestId: duplicate.id, duplicateOfId: accepted.id });
  const policy = await submit(system, { category: 'policy', title: '高新技术企业认定', enterpriseId: ent2.id });
  await actor(m.commissioner.id).requests.accept({ requestId: policy.id });
  await actor(m.commissioner.id).requests.requestExtension({ requestId: policy.id, workingDays: 3, reason: '需要等待区里批复' });
  await actor(m.staff.id).requests.supervise({ requestId: policy.id, note: '企业反映多次' });
  const redone = await legalRequest('欠款催收');
  await assigneeOf(redone).requests.accept({ requestId: redone.id });
  await assigneeOf(redone).requests.reply({ requestId: redone.id, outcome: 'unsolvable', note: '对方已注销' });
  await actor(m.commissioner.id).requests.followUp({ requestId: redone.id, rating: 'unsatisfied', comment: '希望再想办法' });
  await submit(system, { category: 'other', title: '12345转办：园区噪声', channel: 'hotline_12345', idempotencyKey, externalRef });

  tick();
  const visit1 = await actor(m.commissioner.id).visits.record({
    enterpriseId: ent2.id,
    visitorIds: [m.commissioner.id, m.captain2.id],
    summary: '走访了解企业用工情况',
    requests: [{ category: 'policy', title: '人才公寓申请' }],
  });
  tick();
  const visit2 = await actor(m.captain1.id).visits.record({ enterpriseId: ent1.id, summary: '例行走访', idempotencyKey: visitIdempotencyKey });

  const requests = (await system.requests.list({ limit: 500, order: 'oldest' })).items;
  const directory = {} as Record<DirectoryKey, DirectoryEntry[]>;
  const cursors: ScopedCursor[] = [];
  for (const key of directoryKeys) {
    directory[key] = (await system[key].list({ limit: 500, includeArchived: true })).items.map((r) => ({ id: r.id, code: r.code }));
    const page = await system[key].list({ limit: 1 });
    if (page.nextCursor !== null) cursors.push({ scope: `${modelOf[key]}:code`, cursor: page.nextCursor });
  }
  for (const order of ['newest', 'oldest'] as const) {
    const page = await system.requests.list({ limit: 3, order });
    if (page.nextCursor !== null) cursors.push({ scope: `request:${order}`, cursor: page.nextCursor });
  }
  const ownWords = [
    spec.code,
    spec.name,
    spec.communityName,
    spec.annexName,
    ...spec.parkNames,
    ...spec.enterpriseNames,
    ...Object.values(m).map((rec) => rec.name),
    `${side}-ANNEX`,
    `${side}-P09`,
    `${side}-P02-B07`,
    `${side}-LAB`,
    `${side}-P02-C`,
    `${side}-E002`,
    ent2.code,
    idempotencyKey,
    ...(externalRef ? [externalRef.id] : []),
    visitIdempotencyKey,
  ];
  return {
    side,
    office,
    system,
    actors,
    directory,
    activeMemberIds: Object.values(m).map((rec) => rec.id),
    requests,
    visits: [visit1.visit, visit2.visit],
    cursors,
    ownWords,
    idempotencyKey,
    externalRef,
    visitIdempotencyKey,
    config,
  };
}

export interface BuildOptions {
  /** Give one request per office a 12345 ticket (`externalRef`). @default true */
  externalRefs: boolean;
}

/** Both offices on one storage, built through the public API with a manual clock and sequential ids. */
export async function buildTwoOffices(storage: StorageAdapter, options: BuildOptions = { externalRefs: true }): Promise<TwoOfficeWorld> {
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const community = createCommunity({ storage, clock, ids: sequentialIds('id') });
  const createOffice = (code: string, name: string) => community.offices.create({ code, name });
  const tick = () => clock.advance(60_000);
  const as = (actor: Actor) => community.as(actor);
  const A = await buildOffice(as, createOffice, tick, SPECS.A, options);
  const B = await buildOffice(as, createOffice, tick, SPECS.B, options);
  return { A, B, as, schema: community.schema, storage };
}
