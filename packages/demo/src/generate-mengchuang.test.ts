import {
  createBuildingInput,
  createCommunityInput,
  createEnterpriseInput,
  createMemberInput,
  createOfficeInput,
  createParkInput,
  createTeamInput,
  defaultPortfolios,
  isValidCreditCode,
  type MemberRole,
} from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { findDirectoryProblems } from './check-directory.js';
import type { DemoMemberRole } from './directory.js';
import { isDemoMobile } from './fake-contacts.js';
import { generateMengchuang } from './generate-mengchuang.js';

// Generated once and shared: every test below only reads it.
const demo = generateMengchuang();

const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;
const placeholder = (kind: string, code: string): string => `${kind}:${code}`;

/** The core's role with placeholder ids in place of codes, as the loader would send it. */
function withPlaceholderIds(role: DemoMemberRole): MemberRole {
  switch (role.role) {
    case 'captain':
      return { role: 'captain', parkIds: role.parkCodes.map((c) => placeholder('park', c)) };
    case 'provider':
      return { role: 'provider', teamId: placeholder('team', role.teamCode) };
    case 'enterprise_contact':
      return { role: 'enterprise_contact', enterpriseId: placeholder('enterprise', role.enterpriseCode) };
    default:
      return role;
  }
}

describe('generateMengchuang: determinism', () => {
  it('gives deep-equal output for the same seed', () => {
    expect(generateMengchuang()).toEqual(demo);
    expect(generateMengchuang({ seed: 5, enterprises: 200 })).toEqual(generateMengchuang({ seed: 5, enterprises: 200 }));
  });

  it('gives different output for a different seed', () => {
    const other = generateMengchuang({ seed: 20250302, enterprises: 200 });
    expect(other.parks).not.toEqual(demo.parks);
    expect(other.enterprises.map((e) => e.creditCode)).not.toEqual(demo.enterprises.slice(0, 200).map((e) => e.creditCode));
    expect(other.members.map((m) => m.name)).not.toEqual(demo.members.map((m) => m.name));
  });

  it('records the seed and is plain JSON data', () => {
    expect(demo.seed).toBe(20250301);
    expect(JSON.parse(JSON.stringify(demo))).toEqual(demo);
  });

  it('keeps parks, buildings and staff the same whatever the enterprise count', () => {
    const small = generateMengchuang({ enterprises: 25 });
    expect(small.parks).toEqual(demo.parks);
    expect(small.buildings).toEqual(demo.buildings);
    expect(small.members.filter((m) => !m.code.startsWith('MC-E'))).toEqual(demo.members.filter((m) => !m.code.startsWith('MC-E')));
  });

  it('handles zero enterprises and refuses bad counts', () => {
    const empty = generateMengchuang({ enterprises: 0 });
    expect(empty.enterprises).toEqual([]);
    expect(empty.members.some((m) => m.roles.some((r) => r.role === 'enterprise_contact'))).toBe(false);
    expect(findDirectoryProblems(empty)).toEqual([]);
    expect(() => generateMengchuang({ enterprises: -1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => generateMengchuang({ enterprises: 1.5 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => generateMengchuang({ enterprises: 1_000_000 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => generateMengchuang({ seed: 0.5 })).toThrow(RangeError);
  });
});

describe('generateMengchuang: the community as reported', () => {
  it('is 梦创社区 of 仓前街道', () => {
    expect(demo.office).toEqual({ code: 'cangqian', name: '仓前街道', timeZone: 'Asia/Shanghai' });
    expect(demo.community).toEqual({ code: 'MC', name: '梦创社区' });
    expect(demo.teams).toEqual([{ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' }]);
  });

  it('has exactly 62 parks, 95 buildings and 6,000 enterprises by default', () => {
    expect(demo.parks).toHaveLength(62);
    expect(demo.buildings).toHaveLength(95);
    expect(demo.enterprises).toHaveLength(6000);
  });

  it('numbers parks P01…P62 and includes factory areas named 厂区', () => {
    expect(demo.parks.map((p) => p.code)).toEqual(Array.from({ length: 62 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
    const factoryAreas = demo.parks.filter((p) => p.kind === 'factory_area');
    expect(factoryAreas.length).toBeGreaterThan(0);
    for (const area of factoryAreas) expect(area.name).toMatch(/厂区$/u);
    for (const park of demo.parks) expect(park.address).toMatch(/^浙江省杭州市余杭区仓前街道/u);
    expect(unique(demo.parks.map((p) => p.name))).toBe(true);
  });

  it('spreads buildings so that some parks have several and some none', () => {
    const perPark = new Map<string, number>();
    for (const b of demo.buildings) {
      expect(b.code).toMatch(new RegExp(`^${b.parkCode}-B\\d{2}$`));
      perPark.set(b.parkCode, (perPark.get(b.parkCode) ?? 0) + 1);
    }
    expect([...perPark.values()].some((n) => n > 1)).toBe(true);
    expect(perPark.size).toBeLessThan(demo.parks.length);
    // Building names are unique within their park.
    for (const park of demo.parks) expect(unique(demo.buildings.filter((b) => b.parkCode === park.code).map((b) => b.name))).toBe(true);
  });

  it('gives every enterprise a valid, unique credit code and a unique register-style name', () => {
    const codes = demo.enterprises.map((e) => e.creditCode);
    expect(unique(codes)).toBe(true);
    expect(codes.filter((code) => !isValidCreditCode(code))).toEqual([]);
    expect(unique(demo.enterprises.map((e) => e.name))).toBe(true);
    expect(demo.enterprises.filter((e) => !/^杭州.+有限公司$/u.test(e.name))).toEqual([]);
  });

  it('makes most enterprises micro or small', () => {
    const microOrSmall = demo.enterprises.filter((e) => e.size === 'micro' || e.size === 'small').length;
    expect(microOrSmall / demo.enterprises.length).toBeGreaterThan(0.85);
  });

  it('puts an enterprise in a building exactly when its park has buildings', () => {
    const parksWithBuildings = new Set(demo.buildings.map((b) => b.parkCode));
    for (const e of demo.enterprises) {
      expect(e.parkCode).not.toBeNull();
      expect(e.buildingCode === null).toBe(!parksWithBuildings.has(e.parkCode ?? ''));
    }
  });
});

describe('generateMengchuang: codes and references', () => {
  it('keeps every code unique within its kind', () => {
    expect(unique(demo.parks.map((p) => p.code))).toBe(true);
    expect(unique(demo.buildings.map((b) => b.code))).toBe(true);
    expect(unique(demo.enterprises.map((e) => e.creditCode))).toBe(true);
    expect(unique(demo.teams.map((t) => t.code))).toBe(true);
    expect(unique(demo.members.map((m) => m.code))).toBe(true);
  });

  it('resolves every parkCode, buildingCode, teamCode and enterpriseCode', () => {
    expect(findDirectoryProblems(demo)).toEqual([]);
    // And independently of findDirectoryProblems:
    const parks = new Set(demo.parks.map((p) => p.code));
    const buildingPark = new Map(demo.buildings.map((b) => [b.code, b.parkCode]));
    const teams = new Set(demo.teams.map((t) => t.code));
    const enterprises = new Set(demo.enterprises.map((e) => e.creditCode));
    for (const b of demo.buildings) expect(parks.has(b.parkCode)).toBe(true);
    for (const e of demo.enterprises) {
      expect(parks.has(e.parkCode ?? '')).toBe(true);
      if (e.buildingCode !== null) expect(buildingPark.get(e.buildingCode)).toBe(e.parkCode);
    }
    for (const role of demo.members.flatMap((m) => m.roles)) {
      if (role.role === 'captain') for (const code of role.parkCodes) expect(parks.has(code)).toBe(true);
      if (role.role === 'provider') expect(teams.has(role.teamCode)).toBe(true);
      if (role.role === 'enterprise_contact') expect(enterprises.has(role.enterpriseCode)).toBe(true);
    }
  });

  it('reports broken references', () => {
    const broken = structuredClone(demo);
    const [building] = broken.buildings;
    if (building) building.parkCode = 'P99';
    broken.members.push({ ...structuredClone(broken.members[0]!), code: 'MC-S001' });
    expect(findDirectoryProblems(broken)).toEqual(
      expect.arrayContaining([expect.stringContaining("unknown park 'P99'"), expect.stringContaining("'MC-S001' is used more than once")]),
    );
  });
});

describe('generateMengchuang: people', () => {
  const rolesOf = (name: MemberRole['role']) => demo.members.filter((m) => m.roles.some((r) => r.role === name));

  it('has exactly one captain for each park, and captains only one park each', () => {
    const captainsByPark = new Map<string, number>();
    for (const role of demo.members.flatMap((m) => m.roles)) {
      if (role.role !== 'captain') continue;
      expect(role.parkCodes).toHaveLength(1);
      for (const code of role.parkCodes) captainsByPark.set(code, (captainsByPark.get(code) ?? 0) + 1);
    }
    expect(captainsByPark.size).toBe(62);
    expect([...captainsByPark.values()].every((n) => n === 1)).toBe(true);
  });

  it('has 4 commissioners covering the 4 default portfolios', () => {
    const portfolios = demo.members.flatMap((m) => m.roles).flatMap((r) => (r.role === 'commissioner' ? [r.portfolio] : []));
    expect(portfolios).toHaveLength(4);
    expect([...portfolios].sort()).toEqual([...defaultPortfolios].sort());
  });

  it('has a station head, a deputy dispatcher, a lawyer in LEGAL, 2 office staff and a few enterprise contacts', () => {
    expect(rolesOf('station_head').map((m) => m.title)).toEqual(['站长']);
    expect(rolesOf('dispatcher').map((m) => m.title)).toEqual(['副站长']);
    expect(demo.members.flatMap((m) => m.roles).filter((r) => r.role === 'provider')).toEqual([{ role: 'provider', teamCode: 'LEGAL' }]);
    expect(rolesOf('office_staff')).toHaveLength(2);
    expect(rolesOf('enterprise_contact').length).toBeGreaterThanOrEqual(3);
    expect(unique(demo.members.map((m) => m.name))).toBe(true);
  });

  it('uses only reserved fake mobile numbers and example e-mail addresses', () => {
    for (const m of demo.members) {
      expect(m.mobile === null || isDemoMobile(m.mobile)).toBe(true);
      expect(m.email === null || m.email.endsWith('.example')).toBe(true);
    }
  });

  it('contains nothing anywhere that looks like a real mobile or ID number', () => {
    const text = JSON.stringify(demo);
    const mobiles = text.match(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g) ?? [];
    expect(mobiles.length).toBeGreaterThan(0);
    for (const mobile of mobiles) expect(isDemoMobile(mobile)).toBe(true);
    // A resident ID number is 17 digits and a digit or X; credit codes contain letters (MA…).
    expect(text.match(/(?<![0-9A-Z])[0-9]{17}[0-9X](?![0-9A-Z])/g)).toBeNull();
  });
});

describe('generateMengchuang: the core accepts the data', () => {
  it('passes the create-input schemas once codes are swapped for placeholder ids', () => {
    expect(createOfficeInput.parse(demo.office)).toEqual(demo.office);
    expect(createCommunityInput.parse(demo.community)).toEqual(demo.community);
    for (const { communityCode, ...park } of demo.parks) {
      expect(createParkInput.parse({ ...park, communityId: placeholder('community', communityCode) })).toMatchObject(park);
    }
    for (const { parkCode, ...building } of demo.buildings) {
      expect(createBuildingInput.parse({ ...building, parkId: placeholder('park', parkCode) })).toMatchObject(building);
    }
    for (const { communityCode, parkCode, buildingCode, ...enterprise } of demo.enterprises) {
      const parsed = createEnterpriseInput.parse({
        ...enterprise,
        communityId: placeholder('community', communityCode),
        parkId: parkCode === null ? null : placeholder('park', parkCode),
        buildingId: buildingCode === null ? null : placeholder('building', buildingCode),
      });
      expect(parsed).toMatchObject(enterprise);
    }
    for (const team of demo.teams) expect(createTeamInput.parse(team)).toEqual(team);
    for (const { title, roles, ...member } of demo.members) {
      expect(title.length).toBeGreaterThan(0);
      expect(createMemberInput.parse({ ...member, roles: roles.map(withPlaceholderIds) })).toMatchObject(member);
    }
  });
});
