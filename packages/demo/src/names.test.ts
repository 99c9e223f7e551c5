import { describe, expect, it } from 'vitest';
import { buildingName, enterpriseName, parkAddress, parkName, personName, tradeName, uniqueName } from './names.js';
import { createRandom } from './random.js';
import {
  demoEnterpriseTags,
  demoIndustries,
  factoryAreaPrefixes,
  givenNameCharacters,
  industryProfiles,
  parkNamePrefixes,
  parkNameSuffixes,
  roadNames,
  surnames,
  tradeNameCharacters,
} from './words.js';

const hasNoDuplicates = (items: readonly string[]): boolean => new Set(items).size === items.length;

describe('word lists', () => {
  it('have no duplicates', () => {
    const givenNames = [...givenNameCharacters.masculine, ...givenNameCharacters.feminine, ...givenNameCharacters.neutral];
    for (const list of [surnames, givenNames, tradeNameCharacters, parkNamePrefixes, parkNameSuffixes, factoryAreaPrefixes, roadNames, demoIndustries, demoEnterpriseTags]) {
      expect(hasNoDuplicates(list)).toBe(true);
    }
    for (const profile of industryProfiles) expect(hasNoDuplicates(profile.descriptors)).toBe(true);
  });

  it('name the industries and labels the brief asks for', () => {
    expect(demoIndustries).toEqual(expect.arrayContaining(['数字经济', '人工智能', '生物医药', '智能制造', '电子商务', '文化创意', '新材料', '企业服务']));
    expect(demoEnterpriseTags).toEqual(expect.arrayContaining(['高新技术企业', '专精特新', '科技型中小企业', '规上企业']));
  });
});

describe('personName', () => {
  it('is a listed surname and a one- or two-character given name without a doubled character', () => {
    const random = createRandom(1);
    for (let i = 0; i < 500; i++) {
      const name = personName(random);
      expect(name.length === 2 || name.length === 3).toBe(true);
      expect(surnames).toContain(name.charAt(0));
      if (name.length === 3) expect(name.charAt(1)).not.toBe(name.charAt(2));
    }
  });
});

describe('enterpriseName', () => {
  it('has the register form 杭州 + trade name + descriptor + 有限公司', () => {
    const random = createRandom(2);
    expect(enterpriseName(random, '数像科技')).toMatch(/^杭州..数像科技有限公司$/u);
    expect(enterpriseName(random, '软件', 3)).toMatch(/^杭州...软件有限公司$/u);
  });

  it('uses distinct trade-name characters and refuses silly lengths', () => {
    const random = createRandom(3);
    for (let i = 0; i < 200; i++) {
      const name = tradeName(random, 3);
      expect(new Set(name).size).toBe(3);
    }
    expect(() => tradeName(random, 0)).toThrow(RangeError);
    expect(() => tradeName(random, 200)).toThrow(RangeError);
  });
});

describe('parkName and parkAddress', () => {
  it('name factory areas 厂区 and parks 园', () => {
    const random = createRandom(4);
    for (let i = 0; i < 100; i++) {
      expect(parkName(random, 'factory_area')).toMatch(/厂区$/u);
      expect(parkName(random, 'park')).toMatch(/园$/u);
    }
  });

  it('places addresses in 余杭区仓前街道', () => {
    expect(parkAddress(createRandom(5))).toMatch(/^浙江省杭州市余杭区仓前街道.+\d+号$/u);
  });
});

describe('buildingName', () => {
  it('numbers buildings in the park’s style', () => {
    expect(buildingName('number', 2)).toBe('2号楼');
    expect(buildingName('letter', 1)).toBe('A座');
    expect(buildingName('letter', 9)).toBe('J座'); // I is skipped
    expect(buildingName('workshop', 3)).toBe('3号厂房');
    expect(buildingName('letter', 30)).toBe('30号楼'); // past Z, numbers again
    expect(() => buildingName('number', 0)).toThrow(RangeError);
  });
});

describe('uniqueName', () => {
  it('records what it hands out and gives up when the space is exhausted', () => {
    const used = new Set<string>();
    const names = ['a', 'b'];
    expect(uniqueName(used, (n) => names[n % 2] ?? 'a', 'letter')).toBe('a');
    expect(uniqueName(used, (n) => names[n % 2] ?? 'a', 'letter')).toBe('b');
    expect(() => uniqueName(used, (n) => names[n % 2] ?? 'a', 'letter', 10)).toThrow(/unused letter/);
  });
});
