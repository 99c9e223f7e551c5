/**
 * Realistic but invented Chinese names for the demo: people, enterprises, parks, buildings
 * and addresses. Every function takes the caller's {@link Random}, so names are as
 * deterministic as the seed.
 */
import type { Random } from './random.js';
import {
  factoryAreaPrefixes,
  givenNameCharacters,
  parkNamePrefixes,
  parkNameSuffixes,
  roadNames,
  surnames,
  tradeNameCharacters,
} from './words.js';

// Frequent surnames should come up more often, but not overwhelmingly: weight by rank with a
// flat floor so that the tail still appears in a list of ~80 people.
const masculinePool: readonly string[] = [...givenNameCharacters.masculine, ...givenNameCharacters.neutral];
const femininePool: readonly string[] = [...givenNameCharacters.feminine, ...givenNameCharacters.neutral];

const surnameWeights: readonly (readonly [string, number])[] = surnames.map((s, i) => [s, surnames.length - i + 20] as const);

/**
 * Draws names until one is not in `used`, records it there and returns it. Throws when the
 * name space looks exhausted rather than looping forever.
 *
 * @example
 * ```ts
 * const used = new Set<string>();
 * const name = uniqueName(used, () => personName(random), 'person name');
 * ```
 */
export function uniqueName(used: Set<string>, draw: (attempt: number) => string, what: string, attempts = 2000): string {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const name = draw(attempt);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new RangeError(`Could not find an unused ${what} after ${attempts} attempts`);
}

/**
 * An invented person name: a surname and a one- or two-character given name.
 *
 * @example
 * ```ts
 * personName(createRandom(1)); // e.g. '陈思远'
 * ```
 */
export function personName(random: Random): string {
  const surname = random.weighted(surnameWeights);
  const pool = random.chance(0.5) ? masculinePool : femininePool;
  const first = random.pick(pool);
  if (random.chance(0.25)) return surname + first;
  let second = random.pick(pool);
  // A doubled character (e.g. 婷婷) is fine in life but reads as a nickname in a register.
  while (second === first) second = random.pick(pool);
  return surname + first + second;
}

/**
 * A trade name (字号) of `length` distinct characters, e.g. 云栖.
 *
 * @example
 * ```ts
 * tradeName(random);    // e.g. '睿拓'
 * tradeName(random, 3); // e.g. '星禾澜'
 * ```
 */
export function tradeName(random: Random, length = 2): string {
  if (!Number.isSafeInteger(length) || length < 1 || length > 6) throw new RangeError(`A trade name has 1–6 characters, not ${length}`);
  // Picking with rejection instead of `sample` avoids shuffling the whole list per name,
  // which matters when 6,000 enterprises are named.
  let name = '';
  while (name.length < length) {
    const ch = random.pick(tradeNameCharacters);
    if (!name.includes(ch)) name += ch;
  }
  return name;
}

/**
 * An enterprise name in the usual register form: 杭州 + trade name + descriptor + 有限公司.
 * Pass `tradeNameLength` 3 when two-character trade names run out.
 *
 * @example
 * ```ts
 * enterpriseName(random, '数像科技'); // e.g. '杭州云栖数像科技有限公司'
 * ```
 */
export function enterpriseName(random: Random, descriptor: string, tradeNameLength = 2): string {
  return `杭州${tradeName(random, tradeNameLength)}${descriptor}有限公司`;
}

/**
 * A park (园区) or factory-area (厂区) name; uniqueness is the caller's job (see
 * {@link uniqueName}).
 *
 * @example
 * ```ts
 * parkName(random, 'park');         // e.g. '星汇科创园'
 * parkName(random, 'factory_area'); // e.g. '高桥工业厂区'
 * ```
 */
export function parkName(random: Random, kind: 'park' | 'factory_area'): string {
  if (kind === 'factory_area') {
    return `${random.pick(factoryAreaPrefixes)}${random.chance(0.5) ? '工业' : ''}厂区`;
  }
  return `${random.pick(parkNamePrefixes)}${random.pick(parkNameSuffixes)}`;
}

/** How a park numbers its buildings: 1号楼, A座, or 1号厂房 in factory areas. */
export type BuildingNameStyle = 'number' | 'letter' | 'workshop';

// Letters as used on building signs; I and O are skipped because they read as 1 and 0.
const BUILDING_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The name of the `index`-th building (1-based) of a park.
 *
 * @example
 * ```ts
 * buildingName('number', 2);   // '2号楼'
 * buildingName('letter', 2);   // 'B座'
 * buildingName('workshop', 1); // '1号厂房'
 * ```
 */
export function buildingName(style: BuildingNameStyle, index: number): string {
  if (!Number.isSafeInteger(index) || index < 1) throw new RangeError(`Building index ${index} must be a positive integer`);
  if (style === 'letter' && index <= BUILDING_LETTERS.length) return `${BUILDING_LETTERS.charAt(index - 1)}座`;
  if (style === 'workshop') return `${index}号厂房`;
  return `${index}号楼`;
}

/**
 * A street address in 余杭区仓前街道 on an invented road.
 *
 * @example
 * ```ts
 * parkAddress(random); // e.g. '浙江省杭州市余杭区仓前街道梦想路128号'
 * ```
 */
export function parkAddress(random: Random): string {
  return `浙江省杭州市余杭区仓前街道${random.pick(roadNames)}${random.int(1, 999)}号`;
}
