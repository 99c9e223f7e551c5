import { describe, expect, it } from 'vitest';
import { formatRoles, parseRoles, type RoleByCode } from './role-syntax.js';

describe('parseRoles', () => {
  it('reads the documented syntax', () => {
    expect(parseRoles('commissioner:economic_development; captain:P01,P02; provider:LEGAL; station_head')).toEqual({
      roles: [
        { role: 'commissioner', portfolio: 'economic_development' },
        { role: 'captain', parkCodes: ['P01', 'P02'] },
        { role: 'provider', teamCode: 'LEGAL' },
        { role: 'station_head' },
      ],
      problems: [],
    });
  });

  it('reads Chinese role names and full-width punctuation', () => {
    expect(parseRoles('专员：经济发展；园区长：P01、P02 P03；街道工作人员；企业联系人:91330110ma2xxxxxx0').roles).toEqual([
      { role: 'commissioner', portfolio: '经济发展' },
      { role: 'captain', parkCodes: ['P01', 'P02', 'P03'] },
      { role: 'office_staff' },
      { role: 'enterprise_contact', enterpriseCode: '91330110MA2XXXXXX0' },
    ]);
  });

  it('ignores case, spacing and empty entries', () => {
    expect(parseRoles(' Station Head ;; DISPATCHER ; office-staff ;').roles).toEqual([{ role: 'station_head' }, { role: 'dispatcher' }, { role: 'office_staff' }]);
  });

  it('reports every bad entry and keeps the good ones', () => {
    expect(parseRoles('mayor; captain; commissioner:a,b; station_head:P01; provider:LEGAL')).toEqual({
      roles: [{ role: 'provider', teamCode: 'LEGAL' }],
      problems: [
        { code: 'role_unknown', value: 'mayor' },
        { code: 'role_needs_value', role: 'captain' },
        { code: 'role_one_value', role: 'commissioner' },
        { code: 'role_no_value', role: 'station_head' },
      ],
    });
  });

  it('keeps spaces inside a single value, such as an English portfolio label', () => {
    expect(parseRoles('commissioner: Economic development ; captain:P01 P02').roles).toEqual([
      { role: 'commissioner', portfolio: 'Economic development' },
      { role: 'captain', parkCodes: ['P01', 'P02'] },
    ]);
  });

  it('reads an empty cell as no roles', () => {
    expect(parseRoles('  ')).toEqual({ roles: [], problems: [] });
  });

  it('reads back what formatRoles writes', () => {
    const roles: RoleByCode[] = [
      { role: 'commissioner', portfolio: 'party_building' },
      { role: 'captain', parkCodes: ['P07'] },
      { role: 'enterprise_contact', enterpriseCode: '91330110MA2XXXXXX0' },
      { role: 'dispatcher' },
    ];
    expect(formatRoles(roles)).toBe('commissioner:party_building; captain:P07; enterprise_contact:91330110MA2XXXXXX0; dispatcher');
    expect(parseRoles(formatRoles(roles)).roles).toEqual(roles);
  });
});
