/**
 * The people of the demo community: the service station's staff, the legal station's
 * lawyer, street-office staff, one captain (园区长) per park and a few enterprise contacts.
 * All names are invented and all contact details come from the reserved fake ranges.
 */
import { defaultPortfolios } from '@kechuang/community';
import type { DemoEnterprise, DemoMember, DemoMemberRole, DemoPark } from './directory.js';
import { demoEmail, demoMobile } from './fake-contacts.js';
import { personName, uniqueName } from './names.js';
import type { Random } from './random.js';

/**
 * One of the core's default portfolios (分管领域).
 *
 * @useDeclaredType
 */
export type DefaultPortfolio = (typeof defaultPortfolios)[number];

/**
 * Chinese labels of the default portfolios, as on the service hall's name plates.
 *
 * @example
 * ```ts
 * demoPortfolioLabels.economic_development; // '经济发展'
 * ```
 */
export const demoPortfolioLabels: Readonly<Record<DefaultPortfolio, string>> = {
  economic_development: '经济发展',
  comprehensive_governance: '综合治理',
  public_affairs: '公共事务',
  party_building: '党群建设',
};

/** Whom {@link generateMembers} staffs. */
export interface MemberCast {
  parks: readonly DemoPark[];
  enterprises: readonly DemoEnterprise[];
  /** Code of the legal station team the lawyer works in. */
  legalTeamCode: string;
  /** How many enterprise contacts to add (fewer if there are fewer enterprises). */
  enterpriseContacts: number;
}

/**
 * Member codes: `MC-S` community staff, `MC-P` providers, `CQ-S` street-office (仓前) staff,
 * `MC-C` captains, `MC-E` enterprise contacts, each numbered from 001.
 */
function memberCode(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/**
 * Generates the members in a fixed order: station head, deputy station head, the four
 * commissioners, the lawyer, two office staff, the captains in park order, then the
 * enterprise contacts. Mobile numbers are handed out in that order from the fake range.
 *
 * @example
 * ```ts
 * const members = generateMembers(createRandom(1).fork('members'), {
 *   parks, enterprises, legalTeamCode: 'LEGAL', enterpriseContacts: 6,
 * });
 * members[0]; // { code: 'MC-S001', title: '站长', roles: [{ role: 'station_head' }], mobile: '13800000001', … }
 * ```
 */
export function generateMembers(random: Random, cast: MemberCast): DemoMember[] {
  const usedNames = new Set<string>();
  const members: DemoMember[] = [];
  const add = (code: string, title: string, roles: DemoMemberRole[]): void => {
    members.push({
      code,
      name: uniqueName(usedNames, () => personName(random), 'person name'),
      mobile: demoMobile(members.length + 1),
      email: demoEmail(code),
      roles,
      status: 'active',
      title,
    });
  };

  add(memberCode('MC-S', 1), '站长', [{ role: 'station_head' }]);
  // The deputy settles returns and re-assigns like the station head does (see the worked
  // case: the deputy station head makes visits and routes what she hears).
  add(memberCode('MC-S', 2), '副站长', [{ role: 'dispatcher' }]);
  defaultPortfolios.forEach((portfolio, i) => {
    add(memberCode('MC-S', 3 + i), `${demoPortfolioLabels[portfolio]}专员`, [{ role: 'commissioner', portfolio }]);
  });
  add(memberCode('MC-P', 1), '驻站律师', [{ role: 'provider', teamCode: cast.legalTeamCode }]);
  add(memberCode('CQ-S', 1), '街道经发办工作人员', [{ role: 'office_staff' }]);
  add(memberCode('CQ-S', 2), '街道经发办工作人员', [{ role: 'office_staff' }]);
  cast.parks.forEach((park, i) => {
    add(memberCode('MC-C', i + 1), '园区长', [{ role: 'captain', parkCodes: [park.code] }]);
  });
  const contactCount = Math.max(0, Math.min(cast.enterpriseContacts, cast.enterprises.length));
  random.sample(cast.enterprises, contactCount).forEach((enterprise, i) => {
    add(memberCode('MC-E', i + 1), '企业联系人', [{ role: 'enterprise_contact', enterpriseCode: enterprise.creditCode }]);
  });
  return members;
}
