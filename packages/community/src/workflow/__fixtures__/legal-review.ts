import { expect } from 'vitest';
import { smallOffice } from '../../__fixtures__/small-office.js';
import { submitInput } from '../../__fixtures__/submit-input.js';
import type { CommunityOptions } from '../../community.js';
import type { RequestEvent, TransitionEvent } from '../../events/core-events.js';
import type { SubmitRequestInput } from '../../model/request.js';
import { definePlugin, type Plugin } from '../../plugins/define-plugin.js';

/**
 * A plugin that sends a request to the station's legal review (法律审核) before the lead
 * replies: the lead sends it, the station head approves it back into handling.
 */
export const legalReview = definePlugin({
  id: 'legal-review',
  version: '1.0.0',
  setup({ workflow }) {
    workflow.state('reviewing');
    workflow.transition({ name: 'legal-review.send', from: ['accepted', 'in_progress'], to: 'legal-review.reviewing', roles: ['assignee'] });
    workflow.transition({ name: 'legal-review.approve', from: ['legal-review.reviewing'], to: 'in_progress', roles: ['station_head'] });
  },
});

/** The small office with the legal-review plugin (and any other plugins given). */
export async function legalReviewOffice(options: Partial<CommunityOptions<readonly Plugin[]>> = {}) {
  return smallOffice({ ...options, plugins: [legalReview(), ...(options.plugins ?? [])] });
}

export type LegalReviewOffice = Awaited<ReturnType<typeof legalReviewOffice>>;

/** A request of the office, led by the lead (whoever routing chose) and signed for. */
export async function acceptedRequest(fx: LegalReviewOffice, extra: Partial<SubmitRequestInput> = {}): Promise<string> {
  const submitted = await fx.system.requests.submit(submitInput(fx, extra));
  const target = { requestId: submitted.id, assigneeId: fx.members.lead.id, teamId: fx.legal.id };
  if (submitted.status === 'submitted') await fx.system.requests.assign(target);
  else if (submitted.assigneeId !== fx.members.lead.id) await fx.system.requests.reassign({ ...target, reason: '由李律师主办' });
  await fx.as(fx.members.lead.id).requests.accept({ requestId: submitted.id });
  return submitted.id;
}

/**
 * The whole closed loop with a legal review in it, on whatever storage `fx` runs on:
 * submit → assign → accept → send to review → approve → reply → follow up (closed). Checks
 * every step's state, the timeline and the events published after each commit.
 */
export async function walkThroughLegalReview(fx: LegalReviewOffice): Promise<void> {
  const lead = fx.as(fx.members.lead.id);
  const head = fx.as(fx.members.stationHead.id);
  const published: string[] = [];
  const transitions: TransitionEvent[] = [];
  const offAny = fx.community.events.onAny((type) => void published.push(type));
  const offTransition = fx.community.events.on('request.transition', (event) => void transitions.push(event));
  try {
    const id = await acceptedRequest(fx);
    const sent = await lead.requests.transition({ requestId: id, version: 3, name: 'legal-review.send', note: '和解协议条款需站内法律审核' });
    expect(sent).toMatchObject({ status: 'legal-review.reviewing', version: 4 });
    const approved = await head.requests.transition({ requestId: id, version: sent.version, name: 'legal-review.approve' });
    expect(approved).toMatchObject({ status: 'in_progress', version: 5 });
    await lead.requests.reply({ requestId: id, version: approved.version, outcome: 'solved', note: '已协助追回20余笔欠款' });
    const closed = await fx.system.requests.followUp({ requestId: id, rating: 'satisfied' });
    expect(closed).toMatchObject({ status: 'closed', version: 7, satisfaction: 'satisfied' });
    expect(closed.closedAt).not.toBeNull();

    const { request, timeline } = await fx.system.requests.get(id);
    expect(request).toEqual(closed);
    const steps = timeline.map((e) => [e.seq, e.type, e.fromStatus, e.toStatus]);
    expect(steps).toEqual([
      [1, 'submitted', null, 'submitted'],
      [2, 'assigned', 'submitted', 'assigned'],
      [3, 'accepted', 'assigned', 'accepted'],
      [4, 'transitioned', 'accepted', 'legal-review.reviewing'],
      [5, 'transitioned', 'legal-review.reviewing', 'in_progress'],
      [6, 'replied', 'in_progress', 'replied'],
      [7, 'followed_up', 'replied', 'closed'],
    ]);
    expect(timeline.find((e) => e.seq === 4)).toMatchObject({ actor: { kind: 'member', id: fx.members.lead.id }, data: { transition: 'legal-review.send', note: '和解协议条款需站内法律审核' } });
    expect(timeline.find((e) => e.seq === 5)).toMatchObject({ actor: { kind: 'member', id: fx.members.stationHead.id }, data: { transition: 'legal-review.approve', note: null } });

    expect(published.filter((type) => type.startsWith('request.'))).toEqual([
      'request.submit',
      'request.assign',
      'request.accept',
      'request.transition',
      'request.transition',
      'request.reply',
      'request.follow_up',
    ]);
    expect(transitions.map((e) => [e.transition, e.command, e.request.status, e.entries.map((x) => x.type), e.actor.id])).toEqual([
      ['legal-review.send', 'legal-review.send', 'legal-review.reviewing', ['transitioned'], fx.members.lead.id],
      ['legal-review.approve', 'legal-review.approve', 'in_progress', ['transitioned'], fx.members.stationHead.id],
    ]);
    const payload: RequestEvent | undefined = transitions[0];
    expect(payload?.request.id).toBe(id);
  } finally {
    offAny();
    offTransition();
  }
}
