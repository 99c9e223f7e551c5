/**
 * Look-ups and cross-checks through the hall's HTTP API. The story itself happens in the
 * browser; the API only tells the test who is who and confirms what the screens show.
 */

export interface DevMember {
  officeId: string;
  memberId: string;
  name: string;
  roles: string[];
}

export interface Cast {
  officeId: string;
  captain: DevMember;
  /** The park the captain reports from (one of their captain role's parks). */
  parkId: string;
  parkName: string;
  /** An enterprise settled in that park. */
  enterprise: { id: string; name: string };
  stationHead: DevMember;
  commissioner: DevMember;
  /** The provider of team LEGAL (公共法律服务驿站), where legal requests are routed. */
  lawyer: DevMember;
}

export interface RequestView {
  request: {
    id: string;
    status: string;
    version: number;
    assigneeId: string | null;
    routing: { ruleId: string | null; reason: string } | null;
    attachments: { name: string }[];
    duplicateOfId: string | null;
    /** The duplicates plugin's verdict at intake: `suggest`, `merge`, or null. */
    duplicatesAction?: string | null;
  };
  timeline: { type: string }[];
}

export interface MonthlyTotals {
  counts: Record<string, number>;
  rates: Record<'response' | 'resolution' | 'satisfaction' | 'composite', number | null>;
}

/** Calls the API as `member` with the development header. */
export async function apiAs<T>(url: string, member: DevMember, path: string): Promise<T> {
  const response = await fetch(`${url}${path}`, { headers: { 'x-kechuang-dev-member': `${member.officeId}/${member.memberId}` } });
  if (!response.ok) throw new Error(`GET ${path} as ${member.name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function devMembers(url: string): Promise<DevMember[]> {
  const response = await fetch(`${url}/dev/members`);
  if (!response.ok) throw new Error(`GET /dev/members answered ${response.status}`);
  return ((await response.json()) as { members: DevMember[] }).members;
}

function withRole(members: DevMember[], role: string): DevMember {
  const member = members.find((m) => m.roles.includes(role));
  if (!member) throw new Error(`the demo has no member with the role ${role}`);
  return member;
}

/** The people of the story, and a park and enterprise for the captain's report. */
export async function castOf(url: string): Promise<Cast> {
  const members = await devMembers(url);
  const captain = withRole(members, 'captain');
  const me = await apiAs<{ member: { roles: { role: string; parkIds?: string[] }[] } }>(url, captain, '/api/me');
  const parkId = me.member.roles.find((r) => r.role === 'captain')?.parkIds?.[0];
  if (!parkId) throw new Error(`captain ${captain.name} looks after no park`);
  const park = await apiAs<{ name: string }>(url, captain, `/api/parks/${parkId}`);
  const enterprises = await apiAs<{ items: { id: string; name: string }[] }>(url, captain, `/api/enterprises?parkId=${parkId}&limit=5`);
  const enterprise = enterprises.items[0];
  if (!enterprise) throw new Error(`park ${park.name} has no enterprise`);
  const stationHead = withRole(members, 'station_head');
  const legal = await apiAs<{ id: string }>(url, stationHead, '/api/teams/by-code/LEGAL');
  let lawyer: DevMember | undefined;
  for (const provider of members.filter((m) => m.roles.includes('provider'))) {
    const record = await apiAs<{ roles: { role: string; teamId?: string }[] }>(url, stationHead, `/api/members/${provider.memberId}`);
    if (record.roles.some((r) => r.role === 'provider' && r.teamId === legal.id)) lawyer = provider;
  }
  if (!lawyer) throw new Error('the demo has no provider in team LEGAL');
  return {
    officeId: captain.officeId,
    lawyer,
    captain,
    parkId,
    parkName: park.name,
    enterprise: { id: enterprise.id, name: enterprise.name },
    stationHead,
    commissioner: withRole(members, 'commissioner'),
  };
}

export async function memberById(url: string, memberId: string): Promise<DevMember> {
  const member = (await devMembers(url)).find((m) => m.memberId === memberId);
  if (!member) throw new Error(`no demo member ${memberId}`);
  return member;
}

export function requestView(url: string, as: DevMember, id: string): Promise<RequestView> {
  return apiAs<RequestView>(url, as, `/api/requests/${id}`);
}

/** What `GET /api/plugins/audit-chain/verify` answers: intact with its entry count, or the first problem. */
export type AuditChainAnswer = { ok: true; entries: number; head: string | null } | { ok: false; problem: { kind: string; seq: number; message: string } };

export function auditChainOf(url: string, as: DevMember): Promise<AuditChainAnswer> {
  return apiAs<AuditChainAnswer>(url, as, '/api/plugins/audit-chain/verify');
}

export async function monthlyTotals(url: string, as: DevMember, month: string): Promise<MonthlyTotals> {
  const report = await apiAs<{ total: MonthlyTotals }>(url, as, `/api/reports/monthly?month=${month}&unit=park&format=json&since=2025-03-01&locale=zh-CN`);
  return report.total;
}

/** `YYYY-MM` now in the office's time zone (Asia/Shanghai for the Mengchuang demo). */
export function currentMonth(timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date());
}
