/**
 * Which lists a member works from, by the roles they hold, and how each is asked of the
 * server. Where the list API can say it (status, assignee, park, sla light, supervised) the
 * server filters and pages; "assisted by me" and "extension pending" it cannot say, so those
 * lists scan the open requests the member may see and pick them out here.
 */
import type { ServiceRequest } from '@kechuang/community';
import type { Wire } from '../../api.js';
import type { HallSession } from '../../session.js';

export type Row = Wire<ServiceRequest>;

export type ViewName = 'lead' | 'assist' | 'follow_up' | 'dispatch' | 'returned' | 'extension' | 'office' | 'supervised' | 'park' | 'enterprise';

/** The list filter as the REST list takes it (lists joined by commas on the way out). */
export interface ListParams {
  status?: readonly string[];
  category?: readonly string[];
  assigneeId?: string;
  parkId?: string;
  enterpriseId?: string;
  supervised?: boolean;
}

export type ViewSource = { kind: 'server'; params: ListParams } | { kind: 'scan'; params: ListParams; keep: (row: Row) => boolean };

/** Where a row's link to the detail screen leads the member to do. */
export type DetailAction = 'handle' | 'dispatch' | 'settle' | 'decide' | 'follow_up' | 'view';

export interface QueueView {
  name: ViewName;
  source: ViewSource;
  order: 'oldest' | 'newest';
  /** Whether the deadline lights mean anything here (replied requests have none). */
  lights: boolean;
  /** The lead's list is grouped by stage: to sign for, in hand, returned, replied. */
  grouped: boolean;
  detail: DetailAction;
  /** A line under the tabs saying how the list is drawn, when that is not obvious. */
  scopeNote?: 'followUpScope';
}

/** Still being worked on: the states the sla filter reads lights of. */
export const OPEN = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'returned'] as const;
/** With a lead at work: where assists and extensions live. */
export const WORKING = ['assigned', 'accepted', 'in_progress', 'paused'] as const;

/** The lead's stages, in the order the list shows them. */
export const STAGE_OF: Record<string, string> = { assigned: 'sign', accepted: 'work', in_progress: 'work', paused: 'work', returned: 'returned', replied: 'replied' };
export const STAGES = ['sign', 'work', 'returned', 'replied'] as const;

/** The member's own assisting unit on a request: as themselves or through one of their teams. */
export function ownAssist(row: Row, memberId: string, teamIds: ReadonlySet<string>): Row['assists'][number] | undefined {
  return row.assists.find((a) => a.memberId === memberId) ?? row.assists.find((a) => a.teamId !== null && teamIds.has(a.teamId));
}

export function teamIdsOf(session: HallSession): Set<string> {
  return new Set(session.member.roles.flatMap((r) => (r.role === 'provider' ? [r.teamId] : [])));
}

export function captainParksOf(session: HallSession): string[] {
  return session.member.roles.flatMap((r) => (r.role === 'captain' ? r.parkIds : []));
}

/** The portfolio a commissioner answers for, and its categories in today's config. */
export function portfolioOf(session: HallSession): { id: string; categories: string[] } | null {
  const role = session.member.roles.find((r) => r.role === 'commissioner');
  if (!role || role.role !== 'commissioner') return null;
  return { id: role.portfolio, categories: session.config.categories.filter((c) => c.portfolio === role.portfolio).map((c) => c.id) };
}

/** The member's views, most pressing first: a dispatcher's desk before their own cases. */
export function viewsFor(session: HallSession, parkId: string | null): QueueView[] {
  const me = session.member.id;
  const dispatches = session.is('station_head') || session.is('dispatcher') || session.is('office_staff');
  const leads = dispatches || session.is('commissioner') || session.is('provider');
  const teams = teamIdsOf(session);
  const mine: QueueView[] = [];
  const desk: QueueView[] = [];
  const around: QueueView[] = [];

  if (leads) {
    mine.push({ name: 'lead', source: { kind: 'server', params: { assigneeId: me, status: [...WORKING, 'returned', 'replied'] } }, order: 'oldest', lights: true, grouped: true, detail: 'handle' });
    mine.push({
      name: 'assist',
      source: { kind: 'scan', params: { status: WORKING }, keep: (row) => row.assigneeId !== me && ownAssist(row, me, teams) !== undefined },
      order: 'oldest',
      lights: true,
      grouped: false,
      detail: 'handle',
    });
  }
  if (dispatches) {
    desk.push({ name: 'dispatch', source: { kind: 'server', params: { status: ['submitted'] } }, order: 'oldest', lights: true, grouped: false, detail: 'dispatch' });
    desk.push({ name: 'returned', source: { kind: 'server', params: { status: ['returned'] } }, order: 'oldest', lights: true, grouped: false, detail: 'settle' });
    desk.push({
      name: 'extension',
      source: { kind: 'scan', params: { status: WORKING }, keep: (row) => row.extension?.status === 'requested' },
      order: 'oldest',
      lights: true,
      grouped: false,
      detail: 'decide',
    });
    desk.push({ name: 'office', source: { kind: 'server', params: { status: OPEN } }, order: 'oldest', lights: true, grouped: false, detail: 'view' });
    desk.push({ name: 'supervised', source: { kind: 'server', params: { supervised: true, status: [...OPEN, 'replied'] } }, order: 'oldest', lights: true, grouped: false, detail: 'view' });
  }
  const portfolio = portfolioOf(session);
  if (dispatches || portfolio) {
    // A dispatcher follows up anything; a commissioner the categories of their portfolio.
    const category = dispatches || !portfolio || portfolio.categories.length === 0 ? undefined : portfolio.categories;
    around.push({
      name: 'follow_up',
      source: { kind: 'server', params: { status: ['replied'], ...(category ? { category } : {}) } },
      order: 'oldest',
      lights: false,
      grouped: false,
      detail: 'follow_up',
      ...(category ? { scopeNote: 'followUpScope' as const } : {}),
    });
  }
  if (session.is('captain') && parkId) {
    around.push({ name: 'park', source: { kind: 'server', params: { parkId } }, order: 'newest', lights: true, grouped: false, detail: 'view' });
  }
  const enterprise = session.member.roles.find((r) => r.role === 'enterprise_contact');
  if (enterprise?.role === 'enterprise_contact') {
    around.push({ name: 'enterprise', source: { kind: 'server', params: { enterpriseId: enterprise.enterpriseId } }, order: 'newest', lights: true, grouped: false, detail: 'view' });
  }
  return dispatches ? [...desk, ...mine, ...around] : [...mine, ...around, ...desk];
}

/** A stable key of what a view asks, so a list reloads exactly when its question changes. */
export function viewKey(view: QueueView, light: string | null): string {
  return JSON.stringify([view.name, view.source.params, view.order, light]);
}
