/**
 * The requests of the metrics data set: `total` requests over 12 months (2025-03-01 ..
 * 2026-02-28, Asia/Shanghai), in the order they were submitted, as the rows the pipeline
 * would have stored (the core's `requestToRow`, so the derived columns — respondSettledAt,
 * respondOnTime, replyOnTime — are computed exactly as in production).
 *
 * Volume: working days carry ten times the requests of weekends and holidays (the Spring
 * Festival shows as a trough), growing by a third over the year; most arrive in office hours.
 * Busy parks get several times the requests of quiet ones; 3% come from enterprises outside
 * any park. Categories, channels and outcomes follow the shares in metrics-topics.ts; each
 * request then lives its life (metrics-request-life.ts) until the end of the data.
 */
import type { Row, ServiceRequest } from '@kechuang/community';
import type { WorkingCalendar } from '@kechuang/community/calendar';
import { createRandom, demoMobile, personName, type Random } from '@kechuang/demo';
import { requestToRow } from '../packages/community/src/storage/request-row.js';
import { legalRule, portfolioRule, type BenchWorld, type Lead, type WorldCommunity, type WorldPark } from './metrics-directory.js';
import { seededUuidv7 } from './metrics-ids.js';
import { playLife } from './metrics-request-life.js';
import { CATEGORIES, CHANNELS, DETAILS, TEXTS, type CategorySpec, type Limit } from './metrics-topics.js';

/** Raise whenever the generated data changes, so that cached databases are rebuilt. */
export const GENERATOR_VERSION = 1;
export const DATA_START = new Date('2025-03-01T00:00:00+08:00');
export const DATA_END = new Date('2026-03-01T00:00:00+08:00');

const DAY_MS = 86_400_000;
const HOUR = 3_600_000;

/** Picks from weights in O(log n), for lists too long for a linear `weighted()` per request. */
function cumulativePicker<T>(items: readonly T[], weightOf: (item: T) => number): (random: Random) => T {
  const sums: number[] = [];
  let total = 0;
  for (const item of items) sums.push((total += weightOf(item)));
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sums[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** How many requests each day of the data gets: exactly `total`, by largest remainder. */
function dailyCounts(calendar: WorkingCalendar, total: number): { start: number; working: boolean; count: number }[] {
  const days: { start: number; working: boolean; weight: number; count: number }[] = [];
  const n = Math.round((DATA_END.getTime() - DATA_START.getTime()) / DAY_MS);
  for (let i = 0; i < n; i++) {
    const start = DATA_START.getTime() + i * DAY_MS;
    const working = calendar.isWorkingDay(new Date(start + 12 * HOUR));
    days.push({ start, working, weight: (working ? 1 : 0.1) * (0.85 + (0.3 * i) / (n - 1)), count: 0 });
  }
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let given = 0;
  for (const day of days) given += day.count = Math.floor((day.weight / sum) * total);
  const byRemainder = [...days].sort((a, b) => ((b.weight / sum) * total) % 1 - ((a.weight / sum) * total) % 1);
  for (let i = 0; given < total; i++, given++) byRemainder[i % days.length]!.count++;
  return days;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Who leads a request of `category` in `community` when it is submitted. */
function leadFor(
  community: WorldCommunity,
  inPark: boolean,
  category: CategorySpec,
  random: Random,
): { lead: Lead; teamId: string | null; ruleId: string | null; reason: string } {
  if (category.lead === 'portfolio' && category.portfolio) {
    const lead = random.pick(community.commissioners[category.portfolio]);
    const rule = portfolioRule(category.portfolio);
    return { lead, teamId: null, ruleId: rule, reason: `rule ${rule}: portfolio ${category.portfolio} → ${lead.code}` };
  }
  if (category.lead === 'legal' && inPark) {
    const lead = random.pick(community.lawyers);
    const rule = legalRule(community.code);
    return { lead, teamId: community.legalTeam.id, ruleId: rule, reason: `rule ${rule}: team ${community.legalTeam.code}, round robin → ${lead.code}` };
  }
  return { lead: community.stationHead, teamId: null, ruleId: null, reason: `fallback: station head → ${community.stationHead.code}` };
}

/**
 * Yields every request of the data set in submission order, with the party rows of its
 * assisting units. Deterministic for a given world, seed and total.
 */
export function* generateRequests(world: BenchWorld, calendar: WorkingCalendar, seed: number, total: number): Generator<{ request: Row; parties: Row[] }> {
  const random = createRandom(seed).fork('requests');
  const pickPark = cumulativePicker(world.parks, (p) => p.weight);
  const pickCategory = cumulativePicker(CATEGORIES, (c) => c.weight);
  const lastInPark = new Map<string, string>();
  const add = (t: Date, limit: Limit): Date => ('workingDays' in limit ? calendar.addWorkingDays(t, limit.workingDays) : calendar.addWorkingHours(t, limit.workingHours));
  const end = DATA_END.getTime();

  for (const day of dailyCounts(calendar, total)) {
    const opens = day.working ? calendar.nextWorkingInstant(new Date(day.start)) : null;
    const times: number[] = [];
    for (let k = 0; k < day.count; k++) {
      if (opens && random.chance(0.9)) times.push(calendar.addWorkingTime(opens, random.next() * 7.5 * HOUR).getTime());
      else times.push(day.start + (day.working ? 7 : 8) * HOUR + Math.floor(random.next() * (day.working ? 15 : 14) * HOUR));
    }
    times.sort((a, b) => a - b);
    const label = new Date(day.start + 8 * HOUR).toISOString().slice(0, 10).replaceAll('-', '');

    for (const [seq, created] of times.entries()) {
      const park: WorldPark | null = random.chance(0.03) ? null : pickPark(random);
      const community = park?.community ?? pickPark(random).community;
      const category = pickCategory(random);
      const { lead, teamId, ruleId, reason } = leadFor(community, park !== null, category, random);
      const channel = random.weighted(CHANNELS);
      const reported = channel === 'captain_report' && park !== null;
      const createdAt = new Date(created);
      const resolveDueAt = add(createdAt, category.sla.resolve);
      const title = random.pick(category.titles);
      const request: ServiceRequest = {
        id: seededUuidv7(created, random),
        officeId: world.officeId,
        communityId: community.id,
        enterpriseId: random.pick(park ? park.enterpriseIds : community.looseEnterpriseIds),
        parkId: park?.id ?? null,
        buildingId: null,
        visitId: null,
        channel,
        category: category.id,
        attributes: category.id === 'legal' ? { amount: random.int(5, 300) * 1000 } : {},
        title,
        description: `${title}。${random.pick(DETAILS)}`,
        priority: category.sla.id === 'urgent' || random.chance(0.02) ? 'urgent' : 'normal',
        contact: random.chance(0.6) ? { name: personName(random), phone: demoMobile(random.int(1, 9999)) } : null,
        externalRef: channel === 'hotline_12345' ? { source: '12345', id: `ZJ${label}${pad(seq + 1, 5)}` } : null,
        attachments: [],
        tags: reported ? [TEXTS.captainTag] : [],
        status: 'assigned',
        assigneeId: lead.id,
        assigneeTeamId: teamId,
        assignedAt: createdAt,
        assists: [],
        returnInfo: null,
        outcome: null,
        outcomeNote: null,
        satisfaction: null,
        redoCount: 0,
        duplicateOfId: null,
        submittedById: reported ? park.captainId : null,
        idempotencyKey: null,
        createdAt,
        updatedAt: createdAt,
        closedAt: null,
        watchers: reported ? [park.captainId] : [],
        slaPolicy: category.sla.id,
        routing: { configVersion: 1, ruleId, source: ruleId ? 'rule' : 'fallback', reason },
        slaStartedAt: createdAt,
        respondDueAt: add(createdAt, category.sla.respond),
        resolveDueAt,
        dueSoonAt: calendar.addWorkingHours(createdAt, (0.8 * calendar.workingTimeBetween(createdAt, resolveDueAt)) / HOUR),
        respondedAt: null,
        pausedAt: null,
        escalationLevel: 0,
        supervision: null,
        extension: null,
        portfolio: category.portfolio,
        repliedAt: null,
        firstReturnedAt: null,
        extendedAt: null,
        supervisedAt: null,
        respondWorkMs: null,
        concludeWorkMs: null,
        version: 1,
      };
      const colleagues = [...Object.values(community.commissioners).flat(), ...community.lawyers].filter((m) => m.id !== lead.id);
      const others = category.portfolio ? community.commissioners[category.portfolio].filter((m) => m.id !== lead.id) : colleagues;
      const lived = playLife(
        request,
        {
          calendar,
          end,
          sla: category.sla,
          others: others.length > 0 ? others : [community.stationHead],
          assistants: colleagues,
          stationHeadId: community.stationHead.id,
          staffIds: world.staffIds,
          duplicateOf: park ? (lastInPark.get(park.id) ?? null) : null,
        },
        random,
      );
      // Duplicates are merged into a request that is itself still standing.
      if (park && lived.request.status !== 'merged' && lived.request.status !== 'withdrawn') lastInPark.set(park.id, request.id);
      yield { request: requestToRow(lived.request), parties: lived.parties };
    }
  }
}
