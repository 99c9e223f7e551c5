/**
 * Enterprises (企业) for the demo community: valid credit codes, register-style names, an
 * industry, a size band that is mostly micro and small, and labels that fit the size.
 */
import type { EnterpriseSize } from '@kechuang/community';
import { createCreditCodeFactory } from './credit-codes.js';
import type { DemoBuilding, DemoEnterprise, DemoPark } from './directory.js';
import { enterpriseName, uniqueName } from './names.js';
import type { Random } from './random.js';
import { demoEnterpriseTags, industryProfiles } from './words.js';

/** What {@link generateEnterprises} places the enterprises into. */
export interface EnterprisePlacement {
  communityCode: string;
  count: number;
  parks: readonly DemoPark[];
  buildings: readonly DemoBuilding[];
}

type Tag = (typeof demoEnterpriseTags)[number];

// A start-up community: seven in ten are micro enterprises, large ones are rare.
const SIZE_WEIGHTS: readonly (readonly [EnterpriseSize, number])[] = [
  ['micro', 68],
  ['small', 24],
  ['medium', 7],
  ['large', 1],
];

// Industries whose firms typically hold technology labels (科技型中小企业, 高新技术企业 …).
const TECH_INDUSTRIES: ReadonlySet<string> = new Set(['数字经济', '人工智能', '生物医药', '智能制造', '新材料']);

/** Chance of each label by size band; `tech` applies only to technology industries. */
const TAG_CHANCES: Record<Tag, { tech: boolean; bySize: Record<EnterpriseSize, number> }> = {
  科技型中小企业: { tech: true, bySize: { micro: 0.3, small: 0.45, medium: 0.4, large: 0 } },
  高新技术企业: { tech: true, bySize: { micro: 0.03, small: 0.15, medium: 0.45, large: 0.6 } },
  专精特新: { tech: true, bySize: { micro: 0, small: 0.04, medium: 0.15, large: 0.1 } },
  创新型中小企业: { tech: false, bySize: { micro: 0.05, small: 0.1, medium: 0.1, large: 0 } },
  规上企业: { tech: false, bySize: { micro: 0, small: 0.03, medium: 0.5, large: 1 } },
  雏鹰企业: { tech: true, bySize: { micro: 0.05, small: 0.05, medium: 0, large: 0 } },
  瞪羚企业: { tech: true, bySize: { micro: 0, small: 0.04, medium: 0.06, large: 0 } },
  大学生创业企业: { tech: false, bySize: { micro: 0.06, small: 0.02, medium: 0, large: 0 } },
};

// After this many clashes with two-character trade names, fall back to three characters so
// that very large counts still terminate.
const TWO_CHARACTER_ATTEMPTS = 40;

/**
 * Generates `count` enterprises spread over the parks; parks with more buildings get more
 * enterprises, and an enterprise sits in one of its park's buildings when there are any.
 * Names and credit codes are unique.
 *
 * @example
 * ```ts
 * const enterprises = generateEnterprises(createRandom(1).fork('enterprises'), {
 *   communityCode: 'MC', count: 6000, parks, buildings,
 * });
 * enterprises[0]; // { creditCode: '91330110MA…', name: '杭州…有限公司', industry: '数字经济', size: 'micro', … }
 * ```
 */
export function generateEnterprises(random: Random, placement: EnterprisePlacement): DemoEnterprise[] {
  const { communityCode, count, parks, buildings } = placement;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Cannot make ${count} enterprises`);
  if (count > 0 && parks.length === 0) throw new RangeError('Enterprises need at least one park');

  const buildingsByPark = new Map<string, string[]>();
  for (const building of buildings) {
    const list = buildingsByPark.get(building.parkCode) ?? [];
    list.push(building.code);
    buildingsByPark.set(building.parkCode, list);
  }
  const parkWeights = parks.map((park) => {
    const ownBuildings = buildingsByPark.get(park.code)?.length ?? 0;
    return [park.code, (park.kind === 'park' ? 3 : 1) + 2 * ownBuildings] as const;
  });
  const industryWeights = industryProfiles.map((profile) => [profile, profile.weight] as const);

  const creditCodes = createCreditCodeFactory(random.fork('credit-codes'));
  const usedNames = new Set<string>();
  const enterprises: DemoEnterprise[] = [];
  for (let i = 0; i < count; i++) {
    const profile = random.weighted(industryWeights);
    const descriptor = random.pick(profile.descriptors);
    const name = uniqueName(
      usedNames,
      (attempt) => enterpriseName(random, descriptor, attempt < TWO_CHARACTER_ATTEMPTS ? 2 : 3),
      'enterprise name',
    );
    const size = random.weighted(SIZE_WEIGHTS);
    const parkCode = random.weighted(parkWeights);
    const parkBuildings = buildingsByPark.get(parkCode);
    enterprises.push({
      creditCode: creditCodes.next(),
      name,
      communityCode,
      parkCode,
      buildingCode: parkBuildings ? random.pick(parkBuildings) : null,
      industry: profile.industry,
      size,
      tags: drawTags(random, profile.industry, size),
    });
  }
  return enterprises;
}

/** Labels for one enterprise, in the fixed order of `demoEnterpriseTags`. */
function drawTags(random: Random, industry: string, size: EnterpriseSize): string[] {
  const isTech = TECH_INDUSTRIES.has(industry);
  const tags: string[] = [];
  for (const tag of demoEnterpriseTags) {
    const { tech, bySize } = TAG_CHANCES[tag];
    // Always draw, even when the chance is zero: a fixed number of draws per enterprise means
    // tweaking one label's rule does not reshuffle every enterprise generated after it.
    const roll = random.next();
    if ((!tech || isTech) && roll < bySize[size]) tags.push(tag);
  }
  return tags;
}
