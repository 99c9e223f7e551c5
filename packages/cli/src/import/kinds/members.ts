import { createMemberInput, defaultPortfolios, type Member, type MemberRole, type MemberStatus } from '@kechuang/community';
import { demoPortfolioLabels } from '@kechuang/demo';
import { memberColumns, type MemberColumn } from '../columns.js';
import type { Directory, PortfolioName } from '../directory.js';
import type { MemberChanges } from '../directory-writer.js';
import type { Reason } from '../reasons.js';
import type { Choices } from '../row-reader.js';
import { parseRoles, type RoleByCode } from '../role-syntax.js';
import { refReason, schemaReasons, type RowHandler } from './row-handler.js';

/** 在岗/暂离/离职 or active/away/left. */
export const memberStatusNames: Choices<MemberStatus> = {
  active: 'active', 在岗: 'active', 正常: 'active',
  away: 'away', 暂离: 'away', 请假: 'away', 休假: 'away',
  left: 'left', 离职: 'left', 已离职: 'left',
};
const statusesShown = ['在岗', '暂离', '离职', 'active', 'away', 'left'];

// Without a config the default portfolios are known by their id and Chinese name, and any
// other config-style id is taken as given (the config that names it may come later).
const defaultPortfolioNames: readonly PortfolioName[] = defaultPortfolios.map((id) => ({ id, names: [id, demoPortfolioLabels[id]] }));
const configId = /^[a-z][a-z0-9_]*$/;

function portfolioId(value: string, configured: readonly PortfolioName[] | null): string | undefined {
  const known = configured ?? defaultPortfolioNames;
  const lower = value.toLowerCase();
  const found = known.find((p) => p.names.some((n) => n === value || n.toLowerCase() === lower));
  if (found) return found.id;
  return configured === null && configId.test(value) ? value : undefined;
}

/** Swaps the codes in roles for ids, collecting a reason for every code that does not resolve. */
function resolveRoles(roles: readonly RoleByCode[], directory: Directory, reasons: Reason[]): MemberRole[] {
  const resolved: MemberRole[] = [];
  const ref = <T extends { id: string; archivedAt: Date | null }>(found: T | undefined, model: 'park' | 'team' | 'enterprise', value: string): string | undefined => {
    const problem = refReason(found, 'roles', model, value);
    if (problem) reasons.push(problem);
    return problem ? undefined : found?.id;
  };
  for (const role of roles) {
    switch (role.role) {
      case 'commissioner': {
        const portfolio = portfolioId(role.portfolio, directory.portfolios);
        if (portfolio) resolved.push({ role: 'commissioner', portfolio });
        else reasons.push({ code: 'unknown_portfolio', column: 'roles', value: role.portfolio, allowed: (directory.portfolios ?? defaultPortfolioNames).map((p) => p.id) });
        break;
      }
      case 'captain': {
        const parkIds = role.parkCodes.map((code) => ref(directory.parks.byCode(code), 'park', code));
        if (parkIds.every((id) => id !== undefined)) resolved.push({ role: 'captain', parkIds: [...new Set(parkIds)] });
        break;
      }
      case 'provider': {
        const teamId = ref(directory.teams.byCode(role.teamCode), 'team', role.teamCode);
        if (teamId) resolved.push({ role: 'provider', teamId });
        break;
      }
      case 'enterprise_contact': {
        const enterpriseId = ref(directory.enterprises.byCode(role.enterpriseCode), 'enterprise', role.enterpriseCode);
        if (enterpriseId) resolved.push({ role: 'enterprise_contact', enterpriseId });
        break;
      }
      default:
        resolved.push({ role: role.role });
    }
  }
  return resolved;
}

/** A role as one comparable string; a captain's parks in any order are the same role. */
function roleKey(role: MemberRole): string {
  switch (role.role) {
    case 'commissioner':
      return `commissioner:${role.portfolio}`;
    case 'captain':
      return `captain:${[...role.parkIds].sort().join(',')}`;
    case 'provider':
      return `provider:${role.teamId}`;
    case 'enterprise_contact':
      return `enterprise_contact:${role.enterpriseId}`;
    default:
      return role.role;
  }
}

/** Whether two role lists grant the same, ignoring order and repeats. */
export function sameRoles(a: readonly MemberRole[], b: readonly MemberRole[]): boolean {
  const left = [...new Set(a.map(roleKey))].sort();
  const right = [...new Set(b.map(roleKey))].sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

interface MemberDraft {
  code: string | undefined;
  name: string | null | undefined;
  mobile: string | null | undefined;
  email: string | null | undefined;
  roles: RoleByCode[] | undefined;
  status: MemberStatus | null | undefined;
}

/**
 * Members by staff number (`code`), with roles in the syntax of `parseRoles`; parks, teams
 * and enterprises in roles must exist, and portfolios must be the config's.
 */
export const membersHandler: RowHandler<MemberColumn, MemberDraft> = {
  kind: 'members',
  columns: memberColumns,
  keyColumn: 'code',
  needs: ['parks', 'teams', 'enterprises', 'members', 'portfolios'],
  read(row) {
    const code = row.code('code');
    const rolesCell = row.cell('roles');
    let roles: RoleByCode[] | undefined;
    if (rolesCell === null) row.reasons.push({ code: 'required', column: 'roles' });
    else if (rolesCell !== undefined) {
      const parsed = parseRoles(rolesCell);
      row.reasons.push(...parsed.problems.map((p) => ({ ...p, column: 'roles' })));
      if (parsed.problems.length === 0) roles = parsed.roles;
    }
    return {
      key: code,
      draft: {
        code,
        name: row.text('name', 200, true),
        mobile: row.mobile('mobile'),
        email: row.email('email'),
        roles,
        status: row.choice('status', memberStatusNames, statusesShown),
      },
    };
  },
  plan(draft, directory, reasons) {
    const { code, name } = draft;
    const roles = draft.roles ? resolveRoles(draft.roles, directory, reasons) : undefined;
    if (reasons.length > 0 || code === undefined || !name || !roles) return undefined;
    const current: Member | undefined = directory.members.byCode(code);

    if (!current) {
      const input = { code, name, mobile: draft.mobile ?? null, email: draft.email ?? null, roles, ...(draft.status ? { status: draft.status } : {}) };
      reasons.push(...schemaReasons(createMemberInput.safeParse(input)));
      if (reasons.length > 0) return undefined;
      return { action: 'create', write: (writer) => writer.createMember(input) };
    }
    const changes: MemberChanges = {};
    if (name !== current.name) changes.name = name;
    if (draft.mobile !== undefined && draft.mobile !== current.mobile) changes.mobile = draft.mobile;
    if (draft.email !== undefined && draft.email !== current.email) changes.email = draft.email;
    if (!sameRoles(roles, current.roles)) changes.roles = roles;
    if (draft.status && draft.status !== current.status) changes.status = draft.status;
    if (Object.keys(changes).length === 0) return { action: 'unchanged' };
    return { action: 'update', write: (writer) => writer.updateMember(current, changes) };
  },
};
