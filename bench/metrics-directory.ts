/**
 * The directory behind the metrics data set: one office at province scale — 20 communities ×
 * 30 parks, 50 enterprises in each park plus 50 outside any park per community (31,000), a
 * legal service team per community, and 852 members: per community a station head, a
 * dispatcher, two commissioners for each of the 4 portfolios and two lawyers (220 members who
 * lead requests across the office), a captain for each of the 600 parks, and 12 office staff.
 *
 * Directory records go in through the public API (so codes, roles and the config are checked
 * as in production), except the enterprises, which are written with `createMany` as rows
 * shaped exactly like the directory command's. The clock is fixed and ids are seeded, so the
 * whole directory is the same on every run.
 */
import { createCommunity, type CommunitySession, type OfficeConfigInput, type Row, type StorageAdapter } from '@kechuang/community';
import {
  createCreditCodeFactory,
  createRandom,
  demoIndustries,
  demoMobile,
  enterpriseName,
  parkName,
  personName,
  uniqueName,
} from '@kechuang/demo';
import { seededIdGenerator, seededUuidv7 } from './metrics-ids.js';
import { insertRows } from './metrics-insert.js';

export const PORTFOLIOS = ['economic_development', 'comprehensive_governance', 'public_affairs', 'party_building'] as const;
export type Portfolio = (typeof PORTFOLIOS)[number];

const COMMUNITY_NAMES = [
  '梦创', '云谷', '湖畔', '数智', '星河', '启航', '未来', '青芝', '溪岸', '锦绣',
  '沁园', '明湖', '翠苑', '海创', '智谷', '恒兴', '云栖', '晨晖', '南湖', '西溪',
] as const;
const PARKS_PER_COMMUNITY = 30;
const ENTERPRISES_PER_PARK = 50;
const LOOSE_ENTERPRISES_PER_COMMUNITY = 50;
const OFFICE_STAFF = 12;
const DESCRIPTORS = ['数字科技', '信息技术', '网络科技', '智能科技', '电子商务', '企业管理咨询', '文化传媒', '生物科技', '智能装备', '新材料科技'];

/** A member who can lead requests, by id and staff number. */
export interface Lead {
  id: string;
  code: string;
}

export interface WorldCommunity {
  id: string;
  code: string;
  stationHead: Lead;
  dispatcher: Lead;
  commissioners: Record<Portfolio, Lead[]>;
  lawyers: Lead[];
  legalTeam: { id: string; code: string };
  /** Enterprises of the community that sit in no park. */
  looseEnterpriseIds: string[];
}

export interface WorldPark {
  id: string;
  code: string;
  community: WorldCommunity;
  captainId: string;
  enterpriseIds: string[];
  /** How busy the park is relative to the others. */
  weight: number;
}

/** What the request generator needs to know about the loaded directory. */
export interface BenchWorld {
  officeId: string;
  /** The office staff member who runs the reports (office staff see every request). */
  reporterId: string;
  staffIds: string[];
  communities: WorldCommunity[];
  parks: WorldPark[];
  /** How many enterprises and members the directory holds. */
  enterprises: number;
  members: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The office config: portfolios, categories with their SLA policies, and the mainland calendar. */
export function benchConfig(): OfficeConfigInput {
  const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  return {
    version: 1,
    portfolios: [
      { id: 'economic_development', labels: labels('经济发展', 'Economic development') },
      { id: 'comprehensive_governance', labels: labels('综合治理', 'Comprehensive governance') },
      { id: 'public_affairs', labels: labels('公共事务', 'Public affairs') },
      { id: 'party_building', labels: labels('党群建设', 'Party building') },
    ],
    slaPolicies: [
      { id: 'urgent', labels: labels('紧急诉求', 'Urgent'), respond: { workingHours: 1 }, resolve: { workingHours: 8 }, returnWindowWorkingDays: 1 },
      { id: 'consultation', labels: labels('咨询类', 'Consultation'), respond: { workingHours: 4 }, resolve: { workingDays: 3 } },
      {
        id: 'assistance',
        labels: labels('求助类', 'Assistance'),
        respond: { workingDays: 1 },
        resolve: { workingDays: 5 },
        extension: { approvers: ['station_head'], maxWorkingDays: 10 },
      },
      {
        id: 'complaint',
        labels: labels('投诉类', 'Complaint'),
        respond: { workingDays: 1 },
        resolve: { workingDays: 15 },
        extension: { approvers: ['station_head', 'office_staff'], maxWorkingDays: 15 },
      },
    ],
    defaultSla: 'assistance',
    calendar: { extends: 'cn-mainland', timeZone: 'Asia/Shanghai', officeHours: ['08:30-12:00', '13:30-17:30'] },
    categories: [
      { id: 'policy', labels: labels('政策咨询', 'Policy questions'), portfolio: 'economic_development', sla: 'consultation' },
      { id: 'talent', labels: labels('人才与招聘', 'Talent and hiring'), portfolio: 'economic_development', sla: 'assistance' },
      { id: 'finance', labels: labels('融资与金融', 'Financing'), portfolio: 'economic_development', sla: 'assistance' },
      { id: 'facilities', labels: labels('园区设施与物业', 'Park facilities'), portfolio: 'comprehensive_governance', sla: 'assistance' },
      { id: 'safety', labels: labels('安全生产', 'Workplace safety'), portfolio: 'comprehensive_governance', sla: 'urgent' },
      { id: 'public_services', labels: labels('公共服务', 'Public services'), portfolio: 'public_affairs', sla: 'assistance' },
      { id: 'party', labels: labels('党建工作', 'Party building'), portfolio: 'party_building', sla: 'consultation' },
      { id: 'legal', labels: labels('法律服务', 'Legal services'), sla: 'assistance' },
      { id: 'complaint', labels: labels('投诉', 'Complaints'), sla: 'complaint' },
      { id: 'other', labels: labels('其他', 'Other'), sla: 'assistance' },
    ],
    routing: {
      rules: [
        ...PORTFOLIOS.map((portfolio) => ({
          id: portfolioRule(portfolio),
          when: { category: { in: CATEGORY_PORTFOLIOS.filter(([, p]) => p === portfolio).map(([c]) => c) } },
          then: { assign: { portfolio } },
        })),
        // Legal questions go to the legal service station of the park's community.
        ...COMMUNITY_NAMES.map((_, i) => {
          const code = `C${pad(i + 1)}`;
          const parks = Array.from({ length: PARKS_PER_COMMUNITY }, (_p, k) => `${code}-P${pad(k + 1)}`);
          return { id: legalRule(code), when: { all: [{ category: 'legal' }, { park: { in: parks } }] }, then: { assign: { team: `${code}-LEGAL`, strategy: 'round_robin' as const } } };
        }),
      ],
      fallback: { assign: { role: 'station_head' as const } },
    },
  };
}

const CATEGORY_PORTFOLIOS: readonly (readonly [string, Portfolio])[] = [
  ['policy', 'economic_development'],
  ['talent', 'economic_development'],
  ['finance', 'economic_development'],
  ['facilities', 'comprehensive_governance'],
  ['safety', 'comprehensive_governance'],
  ['public_services', 'public_affairs'],
  ['party', 'party_building'],
];

/** The id of the config rule that sends a portfolio's categories to its commissioners. */
export const portfolioRule = (portfolio: Portfolio): string => `${portfolio}_matters`;
/** The id of the config rule that sends a community's legal questions to its legal team. */
export const legalRule = (communityCode: string): string => `legal_${communityCode.toLowerCase()}`;

/** A community, its legal team and its parks as created, before its members exist. */
interface UnitDraft {
  id: string;
  code: string;
  legalTeam: { id: string; code: string };
  looseEnterpriseIds: string[];
  parks: Omit<WorldPark, 'community' | 'captainId'>[];
}

type Roles = Parameters<CommunitySession['members']['create']>[0]['roles'];

/**
 * Creates the office and its directory in an empty `storage` and returns what the request
 * generator needs. Everything is derived from `seed`; `at` is the time of every record.
 */
export async function loadDirectory(storage: StorageAdapter, seed: number, at: Date): Promise<BenchWorld> {
  const random = createRandom(seed).fork('directory');
  const community = createCommunity({ storage, clock: { now: () => at }, ids: seededIdGenerator(at.getTime(), random.fork('ids')) });
  const office = await community.offices.create({ code: 'yunqi', name: '云栖街道', timeZone: 'Asia/Shanghai' });
  const system = community.as({ kind: 'system', officeId: office.id });

  const enterpriseRows: Row[] = [];
  const codes = createCreditCodeFactory(random.fork('credit-codes'));
  const enterpriseRandom = random.fork('enterprises');
  const enterpriseIds = (communityId: string, parkId: string | null, count: number): string[] =>
    Array.from({ length: count }, () => {
      const id = seededUuidv7(at.getTime(), enterpriseRandom);
      enterpriseRows.push({
        id,
        officeId: office.id,
        code: codes.next(),
        version: 1,
        createdAt: at,
        updatedAt: at,
        archivedAt: null,
        name: enterpriseName(enterpriseRandom, enterpriseRandom.pick(DESCRIPTORS)),
        communityId,
        parkId,
        buildingId: null,
        industry: enterpriseRandom.pick(demoIndustries),
        size: enterpriseRandom.weighted([['micro', 55], ['small', 30], ['medium', 12], ['large', 3]] as const),
        tags: [],
      });
      return id;
    });

  const units: UnitDraft[] = [];
  const parkRandom = random.fork('parks');
  for (const [i, short] of COMMUNITY_NAMES.entries()) {
    const code = `C${pad(i + 1)}`;
    const unit = await system.communities.create({ code, name: `${short}社区` });
    const team = await system.teams.create({ code: `${code}-LEGAL`, name: `${short}社区公共法律服务驿站`, kind: 'legal' });
    const used = new Set<string>();
    const parks: UnitDraft['parks'] = [];
    for (let p = 1; p <= PARKS_PER_COMMUNITY; p++) {
      const kind = parkRandom.chance(0.2) ? 'factory_area' : 'park';
      const parkCode = `${code}-P${pad(p)}`;
      const park = await system.parks.create({ communityId: unit.id, code: parkCode, name: uniqueName(used, () => parkName(parkRandom, kind), 'park name'), kind });
      // A few parks are far busier than most, as in any district.
      const weight = 0.3 + 4 * parkRandom.next() ** 3;
      parks.push({ id: park.id, code: parkCode, enterpriseIds: enterpriseIds(unit.id, park.id, ENTERPRISES_PER_PARK), weight });
    }
    units.push({ id: unit.id, code, legalTeam: { id: team.id, code: `${code}-LEGAL` }, looseEnterpriseIds: enterpriseIds(unit.id, null, LOOSE_ENTERPRISES_PER_COMMUNITY), parks });
  }

  // Enterprises in bulk, before the members, so that the last directory write (and with it
  // the office's directory stamp) comes after them.
  await storage.transaction(async (tx) => {
    for (let i = 0; i < enterpriseRows.length; i += 5000) await insertRows(tx, 'enterprise', enterpriseRows.slice(i, i + 5000));
  });

  let mobiles = 0;
  let members = 0;
  const people = new Set<string>();
  const names = random.fork('people');
  const member = async (code: string, roles: Roles): Promise<Lead> => {
    members++;
    const created = await system.members.create({ code, name: uniqueName(people, () => personName(names), 'person name'), mobile: demoMobile(++mobiles), roles });
    return { id: created.id, code };
  };
  const communities: WorldCommunity[] = [];
  for (const unit of units) {
    const stationHead = await member(`${unit.code}-S01`, [{ role: 'station_head' }]);
    const dispatcher = await member(`${unit.code}-S02`, [{ role: 'dispatcher' }]);
    const commissioners: Record<Portfolio, Lead[]> = { economic_development: [], comprehensive_governance: [], public_affairs: [], party_building: [] };
    let n = 0;
    for (const portfolio of PORTFOLIOS) {
      for (let k = 0; k < 2; k++) commissioners[portfolio].push(await member(`${unit.code}-Z${pad(++n)}`, [{ role: 'commissioner', portfolio }]));
    }
    const lawyers: Lead[] = [];
    for (let k = 1; k <= 2; k++) lawyers.push(await member(`${unit.code}-L${pad(k)}`, [{ role: 'provider', teamId: unit.legalTeam.id }]));
    communities.push({ id: unit.id, code: unit.code, stationHead, dispatcher, commissioners, lawyers, legalTeam: unit.legalTeam, looseEnterpriseIds: unit.looseEnterpriseIds });
  }
  const parks: WorldPark[] = [];
  for (const [i, unit] of units.entries()) {
    for (const park of unit.parks) {
      const captain = await member(`${park.code}-CAP`, [{ role: 'captain', parkIds: [park.id] }]);
      parks.push({ ...park, community: communities[i]!, captainId: captain.id });
    }
  }
  const staffIds: string[] = [];
  for (let k = 1; k <= OFFICE_STAFF; k++) staffIds.push((await member(`OFF-${pad(k)}`, [{ role: 'office_staff' }])).id);
  const reporterId = staffIds[0]!;

  await community.as({ kind: 'member', officeId: office.id, memberId: reporterId }).config.update(benchConfig());
  return { officeId: office.id, reporterId, staffIds, communities, parks, enterprises: enterpriseRows.length, members };
}
