/**
 * Parks (园区/厂区) and their buildings (楼宇) for the demo community.
 */
import type { DemoBuilding, DemoPark } from './directory.js';
import { buildingName, parkAddress, parkName, uniqueName, type BuildingNameStyle } from './names.js';
import type { Random } from './random.js';

/** How many parks, factory areas and buildings to make. */
export interface ParkLayout {
  communityCode: string;
  /** All parks, factory areas included. */
  parks: number;
  /** How many of `parks` are factory areas (厂区). */
  factoryAreas: number;
  buildings: number;
}

/** Parks and buildings, both in code order. */
export interface GeneratedParks {
  parks: DemoPark[];
  buildings: DemoBuilding[];
}

// The first parks carry the names the real community is known by, so examples read true.
const LANDMARK_NAMES = ['梦想小镇1号园', '梦想小镇2号园', '梦想小镇3号园', '梦想小镇4号园', '梦想小镇5号园', '梦想小镇6号园', '仓前数字产业园'];

// About two parks in three have buildings of their own; the rest (most factory areas and a
// few small parks) are a single compound, so their enterprises have no building.
const SHARE_OF_PARKS_WITH_BUILDINGS = 0.65;

/** `P01` … for up to 99 parks, `P001` … beyond. */
export function parkCode(index: number, total: number): string {
  return `P${String(index + 1).padStart(Math.max(2, String(total).length), '0')}`;
}

/** `P01-B01`: the building's number within its park, two digits. */
export function buildingCode(parkCodeValue: string, indexInPark: number): string {
  return `${parkCodeValue}-B${String(indexInPark + 1).padStart(2, '0')}`;
}

/**
 * Generates the parks and spreads the buildings over them: some parks get several, some
 * none, and factory areas rarely have any.
 *
 * @example
 * ```ts
 * const { parks, buildings } = generateParks(createRandom(1).fork('parks'), {
 *   communityCode: 'MC', parks: 62, factoryAreas: 12, buildings: 95,
 * });
 * parks[0];     // { code: 'P01', name: '梦想小镇1号园', kind: 'park', … }
 * buildings[0]; // { parkCode: 'P01', code: 'P01-B01', name: '1号楼', … } (if P01 has buildings)
 * ```
 */
export function generateParks(random: Random, layout: ParkLayout): GeneratedParks {
  const { communityCode, parks: parkCount, factoryAreas, buildings: buildingCount } = layout;
  if (!Number.isSafeInteger(parkCount) || parkCount < 1) throw new RangeError(`Need at least one park, not ${parkCount}`);
  if (!Number.isSafeInteger(factoryAreas) || factoryAreas < 0 || factoryAreas > parkCount) {
    throw new RangeError(`Cannot make ${factoryAreas} of ${parkCount} parks factory areas`);
  }
  if (!Number.isSafeInteger(buildingCount) || buildingCount < 0) throw new RangeError(`Cannot make ${buildingCount} buildings`);

  // Landmark parks stay parks; factory areas are scattered over the rest.
  const landmarkCount = Math.min(LANDMARK_NAMES.length, parkCount - factoryAreas);
  const otherIndexes = Array.from({ length: parkCount - landmarkCount }, (_, i) => i + landmarkCount);
  const factoryIndexes = new Set(random.sample(otherIndexes, factoryAreas));

  const usedNames = new Set<string>(LANDMARK_NAMES.slice(0, landmarkCount));
  const usedAddresses = new Set<string>();
  const parks: DemoPark[] = [];
  for (let i = 0; i < parkCount; i++) {
    const kind = factoryIndexes.has(i) ? 'factory_area' : 'park';
    const name = i < landmarkCount ? (LANDMARK_NAMES[i] as string) : uniqueName(usedNames, () => parkName(random, kind), 'park name');
    const address = uniqueName(usedAddresses, () => parkAddress(random), 'park address');
    parks.push({ communityCode, code: parkCode(i, parkCount), name, kind, address });
  }

  const perPark = spreadBuildings(random, parks, buildingCount);
  const buildings: DemoBuilding[] = [];
  for (const park of parks) {
    const count = perPark.get(park.code) ?? 0;
    const style: BuildingNameStyle = park.kind === 'factory_area' ? 'workshop' : random.weighted([['number', 3], ['letter', 2]] as const);
    for (let b = 0; b < count; b++) {
      buildings.push({
        parkCode: park.code,
        code: buildingCode(park.code, b),
        name: buildingName(style, b + 1),
        // Office towers go up to 24 floors; workshops are low.
        floors: park.kind === 'factory_area' ? random.int(1, 4) : random.int(4, 24),
      });
    }
  }
  return { parks, buildings };
}

/** How many buildings each park gets; parks left out of the map get none. */
function spreadBuildings(random: Random, parks: readonly DemoPark[], buildingCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  if (buildingCount === 0) return counts;

  const holderCount = Math.min(parks.length, buildingCount, Math.max(1, Math.round(parks.length * SHARE_OF_PARKS_WITH_BUILDINGS)));
  const regular = random.shuffle(parks.filter((p) => p.kind === 'park'));
  const factories = random.shuffle(parks.filter((p) => p.kind === 'factory_area'));
  // A factory area now and then has a workshop block; take more only if parks run short.
  const factoryHolders = Math.max(Math.min(factories.length, Math.round(holderCount * 0.05)), holderCount - regular.length);
  const holders = [...regular.slice(0, holderCount - factoryHolders), ...factories.slice(0, factoryHolders)];

  for (const park of holders) counts.set(park.code, 1);
  const cap = Math.max(6, Math.ceil(buildingCount / holders.length));
  const weights = holders.map((park) => [park, park.kind === 'park' ? 3 : 1] as [DemoPark, number]);
  for (let left = buildingCount - holders.length; left > 0; left--) {
    const open = weights.filter(([park]) => (counts.get(park.code) ?? 0) < cap);
    const park = random.weighted(open);
    counts.set(park.code, (counts.get(park.code) ?? 0) + 1);
  }
  return counts;
}
