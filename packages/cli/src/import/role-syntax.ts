/**
 * The roles cell of a members file, e.g.
 * `commissioner:economic_development; captain:P01,P02; provider:LEGAL; station_head`.
 * Chinese role names and full-width punctuation work too (`园区长：P01、P02；站长`), since the
 * file usually comes out of a spreadsheet typed on a Chinese keyboard.
 */
import type { RoleName } from '@kechuang/community';

/** A member role with stable codes in place of ids (parks, team, the enterprise's credit code). */
export type RoleByCode =
  | { role: 'commissioner'; portfolio: string }
  | { role: 'station_head' }
  | { role: 'dispatcher' }
  | { role: 'captain'; parkCodes: string[] }
  | { role: 'provider'; teamCode: string }
  | { role: 'office_staff' }
  | { role: 'enterprise_contact'; enterpriseCode: string };

/** What is wrong with one entry of a roles cell. */
export type RoleProblem =
  | { code: 'role_unknown'; value: string }
  | { code: 'role_needs_value'; role: RoleName }
  | { code: 'role_one_value'; role: RoleName }
  | { code: 'role_no_value'; role: RoleName };

/** The English role names, and the Chinese names accepted for them. */
export const roleNames: Readonly<Record<RoleName, { zh: readonly string[] }>> = {
  commissioner: { zh: ['专员'] },
  station_head: { zh: ['站长'] },
  dispatcher: { zh: ['调度员', '派单员'] },
  captain: { zh: ['园区长'] },
  provider: { zh: ['服务提供方', '服务人员'] },
  office_staff: { zh: ['街道工作人员', '街道人员'] },
  enterprise_contact: { zh: ['企业联系人'] },
};

const byName = new Map<string, RoleName>();
for (const [role, { zh }] of Object.entries(roleNames) as [RoleName, { zh: readonly string[] }][]) {
  byName.set(role, role);
  for (const name of zh) byName.set(name, role);
}

const normaliseName = (name: string): string => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

function entryRole(role: RoleName, values: string[]): RoleByCode | RoleProblem {
  const one = (): string | RoleProblem => {
    if (values.length === 0) return { code: 'role_needs_value', role };
    if (values.length > 1) return { code: 'role_one_value', role };
    return values[0] ?? '';
  };
  switch (role) {
    case 'commissioner': {
      const portfolio = one();
      return typeof portfolio === 'string' ? { role, portfolio } : portfolio;
    }
    case 'provider': {
      const teamCode = one();
      return typeof teamCode === 'string' ? { role, teamCode } : teamCode;
    }
    case 'enterprise_contact': {
      const code = one();
      return typeof code === 'string' ? { role, enterpriseCode: code.toUpperCase() } : code;
    }
    case 'captain':
      return values.length === 0 ? { code: 'role_needs_value', role } : { role, parkCodes: values };
    case 'station_head':
    case 'dispatcher':
    case 'office_staff': {
      if (values.length > 0) return { code: 'role_no_value', role };
      const plain: RoleByCode = { role };
      return plain;
    }
  }
}

/**
 * Parses a roles cell. Entries are separated by `;` (or `；` or a line break); a role's value
 * follows `:` (or `：`), and a captain's parks are separated by `,`, `，`, `、` or spaces.
 *
 * @example
 * ```ts
 * parseRoles('专员：经济发展；园区长：P01、P02').roles;
 * // [{ role: 'commissioner', portfolio: '经济发展' }, { role: 'captain', parkCodes: ['P01', 'P02'] }]
 * ```
 */
export function parseRoles(cell: string): { roles: RoleByCode[]; problems: RoleProblem[] } {
  const roles: RoleByCode[] = [];
  const problems: RoleProblem[] = [];
  for (const entry of cell.split(/[;；\n]/)) {
    if (entry.trim() === '') continue;
    const colon = entry.search(/[:：]/);
    const name = colon < 0 ? entry : entry.slice(0, colon);
    const rest = colon < 0 ? '' : entry.slice(colon + 1).trim();
    // A captain's parks may be separated by spaces; other values keep theirs ('Economic development').
    const values = rest === '' ? [] : rest.split(byName.get(normaliseName(name)) === 'captain' ? /[,，、\s]+/ : /\s*[,，、]\s*/).filter((v) => v !== '');
    const role = byName.get(normaliseName(name));
    if (!role) {
      problems.push({ code: 'role_unknown', value: entry.trim() });
      continue;
    }
    const parsed = entryRole(role, values);
    if ('code' in parsed) problems.push(parsed);
    else roles.push(parsed);
  }
  return { roles, problems };
}

/**
 * Writes roles in the syntax {@link parseRoles} reads, e.g. for a template or an export.
 *
 * @example
 * ```ts
 * formatRoles([{ role: 'captain', parkCodes: ['P01', 'P02'] }, { role: 'station_head' }]); // 'captain:P01,P02; station_head'
 * ```
 */
export function formatRoles(roles: readonly RoleByCode[]): string {
  return roles
    .map((r) => {
      switch (r.role) {
        case 'commissioner':
          return `${r.role}:${r.portfolio}`;
        case 'captain':
          return `${r.role}:${r.parkCodes.join(',')}`;
        case 'provider':
          return `${r.role}:${r.teamCode}`;
        case 'enterprise_contact':
          return `${r.role}:${r.enterpriseCode}`;
        default:
          return r.role;
      }
    })
    .join('; ');
}
