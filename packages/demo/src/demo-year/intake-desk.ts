/**
 * The service station's front desk in the demo year: records each intake through the channel
 * it came by — a visit (走访) with its requests, a captain's report, a call or walk-in taken by
 * staff, the online portal, a 12345 hand-off — and starts each request's life.
 */
import type { Channel, CommunitySession, ServiceRequest, SubmitRequestInput } from '@kechuang/community';
import type { DemoEnterprise } from '../directory.js';
import { demoMobile } from '../fake-contacts.js';
import { personName } from '../names.js';
import type { Random } from '../random.js';
import { visitSummaries } from './handling-texts.js';
import { RequestLife, type Submitter } from './request-life.js';
import type { YearContext } from './year-context.js';
import type { Intake, PlannedRequest } from './year-plan.js';

/** Records intakes and second reports. */
export interface IntakeDesk {
  /** Submits an intake's requests (one transaction per visit) and schedules their lives. */
  receive(intake: Intake): Promise<void>;
  /** Submits a repeat report of `original`'s matter; the station will merge it. */
  reportAgain(original: { readonly current: ServiceRequest; readonly plan: PlannedRequest }): Promise<void>;
}

type RequestFields = Omit<SubmitRequestInput, 'channel' | 'communityId' | 'enterpriseId' | 'parkId' | 'buildingId' | 'idempotencyKey'>;

/**
 * Creates the desk. `random` is the desk's own stream; each request's life gets a fork of it
 * named by the request's key, so one request's steps never shift another's.
 *
 * @example
 * ```ts
 * const desk = intakeDesk(ctx, random.fork('desk'));
 * for (const intake of planYear(random.fork('plan'), directory, calendar)) ctx.schedule(intake.at, () => desk.receive(intake));
 * ```
 */
export function intakeDesk(ctx: YearContext, random: Random): IntakeDesk {
  const { cast, demo } = ctx;
  let tickets = 0;
  const parkCodeById = new Map([...demo.parkIds].map(([code, id]) => [id, code]));

  const enterpriseId = (enterprise: DemoEnterprise): string => {
    const id = demo.enterpriseIds.get(enterprise.creditCode);
    if (id === undefined) throw new Error(`Demo year: enterprise ${enterprise.creditCode} was not loaded`);
    return id;
  };
  const captainOf = (enterprise: DemoEnterprise): string | null => (enterprise.parkCode === null ? null : (cast.captainIds.get(enterprise.parkCode) ?? null));
  const staff = (weights: { deputy: number; head: number; commissioners: number }): string => {
    const who = random.weighted([
      ['deputy', weights.deputy],
      ['head', weights.head],
      ['commissioner', weights.commissioners],
    ] as const);
    if (who === 'deputy') return cast.deputyId;
    if (who === 'head') return cast.stationHeadId;
    return random.pick(cast.commissioners).id;
  };

  const fields = (plan: PlannedRequest, channel: Channel, again = false): RequestFields => {
    const { topic } = plan;
    const prefix = again ? '企业再次反映：' : channel === 'hotline_12345' ? '【12345热线转办】' : '';
    return {
      category: plan.category,
      title: topic.title,
      description: `${prefix}${topic.description}`,
      attributes: plan.amount !== null ? { amount: plan.amount } : {},
      contact: { name: personName(random), phone: demoMobile(random.int(1000, 9999)) },
    };
  };

  /** Who submits through `channel` for `enterprise`, and as whom. */
  const submitterFor = (channel: Channel, enterprise: DemoEnterprise): { session: CommunitySession; submitter: Submitter } => {
    const member = (memberId: string, withdrawsOwn = false) => ({ session: cast.as(memberId), submitter: { memberId, withdrawsOwn } });
    const system = { session: cast.system, submitter: { memberId: null, withdrawsOwn: false } };
    switch (channel) {
      case 'captain_report': {
        const captain = captainOf(enterprise);
        return captain ? member(captain, true) : system;
      }
      case 'online': {
        const contact = cast.enterpriseContactIds.get(enterprise.creditCode);
        return contact ? member(contact, true) : system;
      }
      case 'hotline_12345':
        return system;
      case 'phone':
        return member(staff({ deputy: 40, head: 0, commissioners: 60 }));
      default:
        return member(staff({ deputy: 50, head: 0, commissioners: 50 }));
    }
  };

  const ticket = (): { source: string; id: string } => {
    tickets += 1;
    const day = ctx.calendar.localDate(ctx.clock.now()).replaceAll('-', '');
    return { source: '12345', id: `ZJ${day}${String(tickets).padStart(5, '0')}` };
  };

  const start = (plan: PlannedRequest, request: ServiceRequest, submitter: Submitter, original: { readonly current: ServiceRequest } | null = null): void => {
    const life = new RequestLife(ctx, plan, random.fork(`life:${plan.key}${original ? ':again' : ''}`), request, submitter, original);
    life.begin();
  };

  return {
    async receive(intake) {
      const enterprise = enterpriseId(intake.enterprise);
      if (intake.channel === 'visit') {
        const visitorId = staff({ deputy: 35, head: 15, commissioners: 50 });
        const recorded = await cast.as(visitorId).visits.record({
          enterpriseId: enterprise,
          summary: random.pick(visitSummaries),
          requests: intake.requests.map((plan) => fields(plan, 'visit')),
        });
        ctx.tally.visits++;
        ctx.tally.submitted.visit += recorded.requests.length;
        recorded.requests.forEach((request, i) => {
          const plan = intake.requests[i];
          if (plan) start(plan, request, { memberId: visitorId, withdrawsOwn: false });
        });
        return;
      }
      const { session, submitter } = submitterFor(intake.channel, intake.enterprise);
      for (const plan of intake.requests) {
        const request = await session.requests.submit({
          communityId: demo.communityId,
          enterpriseId: enterprise,
          channel: intake.channel,
          externalRef: intake.channel === 'hotline_12345' ? ticket() : null,
          ...fields(plan, intake.channel),
        });
        ctx.tally.submitted[intake.channel]++;
        start(plan, request, submitter);
      }
    },

    async reportAgain(original) {
      const { current, plan } = original;
      if (current.enterpriseId === null) return;
      const wanted = plan.fate.duplicate?.channel ?? 'hotline_12345';
      const parkCode = current.parkId === null ? undefined : parkCodeById.get(current.parkId);
      const captain = parkCode === undefined ? undefined : cast.captainIds.get(parkCode);
      const channel: Channel = wanted === 'captain_report' && captain ? 'captain_report' : 'hotline_12345';
      const session = channel === 'captain_report' && captain ? cast.as(captain) : cast.system;
      const request = await session.requests.submit({
        communityId: demo.communityId,
        enterpriseId: current.enterpriseId,
        channel,
        externalRef: channel === 'hotline_12345' ? ticket() : null,
        ...fields(plan, channel, true),
      });
      ctx.tally.submitted[channel]++;
      start(plan, request, { memberId: channel === 'captain_report' ? (captain ?? null) : null, withdrawsOwn: channel === 'captain_report' }, original);
    },
  };
}
