import { KechuangError } from '@kechuang/community';
/**
 * The Mengchuang Community (梦创社区) of Cangqian Street, generated from a seed: the demo world
 * the SDK's examples and tests are told in.
 */
import type { DemoDirectory, DemoTeam } from './directory.js';
import { generateEnterprises } from './generate-enterprises.js';
import { generateMembers } from './generate-members.js';
import { generateParks } from './generate-parks.js';
import { createRandom } from './random.js';

/** Options of {@link generateMengchuang}. */
export interface GenerateOptions {
  /**
   * Any safe integer; the same seed always gives the same directory, on every machine.
   * @default 20250301 (the community's founding month)
   */
  seed?: number;
  /**
   * How many enterprises to generate (0 – 100,000). Parks, buildings and staff do not depend
   * on it, so a small count is a cheap fixture with the same parks as the full demo.
   * @default 6000
   */
  enterprises?: number;
}

/** The seed used when none is given. */
export const DEFAULT_SEED = 20250301;
/** The number of enterprises generated when none is given. */
export const DEFAULT_ENTERPRISE_COUNT = 6000;

// The figures reported for the real community: 62 parks/factory areas and 95 buildings.
const PARK_COUNT = 62;
const FACTORY_AREA_COUNT = 12;
const BUILDING_COUNT = 95;
const ENTERPRISE_CONTACT_COUNT = 6;
const MAX_ENTERPRISES = 100_000;

/** The public legal service station (公共法律服务驿站), home of the lawyer. */
export const LEGAL_TEAM: Readonly<DemoTeam> = { code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' };

/**
 * Generates the Mengchuang Community: the office (仓前街道), the community (梦创社区), 62 parks,
 * 95 buildings, the enterprises, the legal station team and the members (station head,
 * deputy, 4 commissioners, the lawyer, 2 office staff, a captain per park, 6 enterprise
 * contacts). References between records use codes, not ids; see {@link DemoDirectory}.
 *
 * Generation is pure and fast (6,000 enterprises in well under a second) and returns plain
 * data that can be written out as JSON.
 *
 * @example
 * ```ts
 * const demo = generateMengchuang();                            // the default world
 * const small = generateMengchuang({ seed: 7, enterprises: 50 }); // a quick fixture
 * demo.parks.length;       // 62
 * demo.buildings.length;   // 95
 * demo.enterprises.length; // 6000
 * ```
 */
export function generateMengchuang(options: GenerateOptions = {}): DemoDirectory {
  const seed = options.seed ?? DEFAULT_SEED;
  const enterpriseCount = options.enterprises ?? DEFAULT_ENTERPRISE_COUNT;
  if (!Number.isSafeInteger(enterpriseCount) || enterpriseCount < 0 || enterpriseCount > MAX_ENTERPRISES) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid generate options: enterprises must be a whole number from 0 to ${MAX_ENTERPRISES}, not ${enterpriseCount}.`, {
      issues: [{ path: ['enterprises'], message: `must be 0…${MAX_ENTERPRISES}`, code: 'too_big' }],
    });
  }
  // Each stage draws from its own stream, so one stage's size never changes another's data.
  const random = createRandom(seed);

  const community = { code: 'MC', name: '梦创社区' };
  const { parks, buildings } = generateParks(random.fork('parks'), {
    communityCode: community.code,
    parks: PARK_COUNT,
    factoryAreas: FACTORY_AREA_COUNT,
    buildings: BUILDING_COUNT,
  });
  const enterprises = generateEnterprises(random.fork('enterprises'), {
    communityCode: community.code,
    count: enterpriseCount,
    parks,
    buildings,
  });
  const teams: DemoTeam[] = [{ ...LEGAL_TEAM }];
  const members = generateMembers(random.fork('members'), {
    parks,
    enterprises,
    legalTeamCode: LEGAL_TEAM.code,
    enterpriseContacts: ENTERPRISE_CONTACT_COUNT,
  });

  return {
    seed,
    office: { code: 'cangqian', name: '仓前街道', timeZone: 'Asia/Shanghai' },
    community,
    parks,
    buildings,
    enterprises,
    teams,
    members,
  };
}
