import { describe, expect, it } from 'vitest';
import { rejection, thrown } from '../__fixtures__/expect-error.js';
import { submitInput } from '../__fixtures__/submit-input.js';
import { createCommunity } from '../community.js';
import { KechuangError } from '../errors/kechuang-error.js';
import { definePlugin, type Plugin } from '../plugins/define-plugin.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { acceptedRequest, legalReview, legalReviewOffice, walkThroughLegalReview } from './__fixtures__/legal-review.js';

const createWith = (plugins: readonly Plugin[] = []) => createCommunity({ storage: memoryStorage(), plugins });

describe('a plugin transition, fired end to end', () => {
  it('runs the closed loop through a legal review on the memory adapter', async () => {
    await walkThroughLegalReview(await legalReviewOffice());
  });

  it('refuses a member without the transition role (FORBIDDEN) and writes nothing', async () => {
    const fx = await legalReviewOffice();
    const id = await acceptedRequest(fx);
    const head = fx.as(fx.members.stationHead.id);
    const before = await fx.system.requests.get(id);
    const error = await rejection(head.requests.transition({ requestId: id, name: 'legal-review.send' }), 'FORBIDDEN');
    expect(error.details).toMatchObject({ command: 'legal-review.send', state: 'accepted', required: ['assignee'] });
    expect(error.message).toContain("fire 'legal-review.send'");
    expect(await fx.system.requests.get(id)).toEqual(before);

    await fx.as(fx.members.lead.id).requests.transition({ requestId: id, name: 'legal-review.send' });
    // Only the station head approves; the lead who sent it may not.
    const approve = await rejection(fx.as(fx.members.lead.id).requests.transition({ requestId: id, name: 'legal-review.approve' }), 'FORBIDDEN');
    expect(approve.details['required']).toEqual(['station_head']);
  });

  it('refuses a transition from a state it does not start from (INVALID_TRANSITION), listing what may be done', async () => {
    const fx = await legalReviewOffice();
    const lead = fx.as(fx.members.lead.id);
    const { id } = await fx.system.requests.submit(submitInput(fx));
    await fx.system.requests.assign({ requestId: id, assigneeId: fx.members.lead.id });
    const early = await rejection(lead.requests.transition({ requestId: id, name: 'legal-review.send' }), 'INVALID_TRANSITION');
    expect(early.details).toMatchObject({ command: 'legal-review.send', state: 'assigned' });
    expect(early.details['allowed']).toEqual(expect.arrayContaining(['accept', 'return', 'note']));
    expect(early.details['allowed']).not.toContain('legal-review.send');

    await lead.requests.accept({ requestId: id });
    const notYet = await rejection(fx.as(fx.members.stationHead.id).requests.transition({ requestId: id, name: 'legal-review.approve' }), 'INVALID_TRANSITION');
    expect(notYet.message).toContain("Cannot fire 'legal-review.approve' on a request that is 'accepted'");

    // From the review, the lead may only add notes: reply waits for the approval.
    await lead.requests.transition({ requestId: id, name: 'legal-review.send' });
    const reply = await rejection(lead.requests.reply({ requestId: id, outcome: 'solved', note: '已处理' }), 'INVALID_TRANSITION');
    expect(reply.details).toMatchObject({ state: 'legal-review.reviewing', allowed: ['note'] });
    const headView = await rejection(fx.as(fx.members.stationHead.id).requests.reassign({ requestId: id, assigneeId: fx.members.assisting.id, reason: '换人' }), 'INVALID_TRANSITION');
    expect(headView.details['allowed']).toEqual(expect.arrayContaining(['legal-review.approve', 'withdraw', 'merge', 'supervise', 'note']));
  });

  it('refuses a core command or an unknown name with VALIDATION_FAILED saying what to call', async () => {
    const fx = await legalReviewOffice();
    const id = await acceptedRequest(fx);
    const lead = fx.as(fx.members.lead.id);
    const core = await rejection(lead.requests.transition({ requestId: id, name: 'reply' }), 'VALIDATION_FAILED');
    expect(core.message).toContain('requests.reply()');
    expect(core.details['issues']).toEqual([expect.objectContaining({ path: ['name'] })]);
    expect((await rejection(lead.requests.transition({ requestId: id, name: 'overrule_return' }), 'VALIDATION_FAILED')).message).toContain('requests.overruleReturn()');
    expect((await rejection(lead.requests.transition({ requestId: id, name: 'redo' }), 'VALIDATION_FAILED')).message).toContain('requests.followUp()');
    const unknown = await rejection(lead.requests.transition({ requestId: id, name: 'legal-review.reject' }), 'VALIDATION_FAILED');
    expect(unknown.message).toContain('legal-review.send, legal-review.approve');
    const bad = await rejection(lead.requests.transition({ requestId: '', name: '', note: 'x'.repeat(2001) }), 'VALIDATION_FAILED');
    expect((bad.details['issues'] as { path: string[] }[]).map((i) => i.path[0]).sort()).toEqual(['name', 'note', 'requestId']);
    const stale = await rejection(lead.requests.transition({ requestId: id, version: 1, name: 'legal-review.send' }), 'CONFLICT');
    expect(stale.details).toMatchObject({ expectedVersion: 1, actualVersion: 3 });
    expect((await fx.system.requests.get(id)).request.version).toBe(3);
  });

  it('refuses a core command name without plugins installed, too', async () => {
    const community = createWith();
    const office = await community.offices.create({ code: 'plain', name: '仓前街道' });
    const error = await rejection(community.as({ kind: 'system', officeId: office.id }).requests.transition({ requestId: 'r1', name: 'accept' }), 'VALIDATION_FAILED');
    expect(error.message).toContain('requests.accept()');
    const none = await rejection(community.as({ kind: 'system', officeId: office.id }).requests.transition({ requestId: 'r1', name: 'x.y' }), 'VALIDATION_FAILED');
    expect(none.message).toContain('No installed plugin adds any transition');
  });
});

describe('hooks on a plugin transition', () => {
  it('see the transition as their command; hooks on other commands do not run', async () => {
    const seen: string[] = [];
    const watcher = definePlugin({
      id: 'watcher',
      setup({ hooks }) {
        hooks.before('legal-review.approve', ({ command, request }) => void seen.push(`before ${command} ${request?.status ?? ''}`));
        hooks.transaction('legal-review.approve', ({ command, request, previous }) => void seen.push(`transaction ${command} ${previous?.status ?? ''}→${request.status}`));
        hooks.after('legal-review.approve', ({ command, entries }) => void seen.push(`after ${command} ${entries.map((e) => e.type).join()}`));
        hooks.after('*', ({ command }) => void seen.push(`any ${command}`));
        hooks.before('start', () => void seen.push('start hook'));
      },
    });
    const fx = await legalReviewOffice({ plugins: [watcher()] });
    const id = await acceptedRequest(fx);
    await fx.as(fx.members.lead.id).requests.transition({ requestId: id, name: 'legal-review.send' });
    seen.length = 0;
    await fx.as(fx.members.stationHead.id).requests.transition({ requestId: id, name: 'legal-review.approve', note: '同意' });
    expect(seen).toEqual([
      'before legal-review.approve legal-review.reviewing',
      'transaction legal-review.approve legal-review.reviewing→in_progress',
      'after legal-review.approve transitioned',
      'any legal-review.approve',
    ]);
  });

  it('a before hook may veto it, and nothing is written', async () => {
    const gate = definePlugin({
      id: 'gate',
      setup: ({ hooks }) =>
        hooks.before('legal-review.send', ({ input }) => {
          if (!input['note']) throw new KechuangError('VALIDATION_FAILED', 'Say what the review should look at (note).');
        }),
    });
    const fx = await legalReviewOffice({ plugins: [gate()] });
    const id = await acceptedRequest(fx);
    const lead = fx.as(fx.members.lead.id);
    await rejection(lead.requests.transition({ requestId: id, name: 'legal-review.send' }), 'VALIDATION_FAILED');
    expect((await fx.system.requests.get(id)).request).toMatchObject({ status: 'accepted', version: 3 });
    expect(await lead.requests.transition({ requestId: id, name: 'legal-review.send', note: '合同条款' })).toMatchObject({ status: 'legal-review.reviewing' });
  });
});

describe('composing plugin states and transitions at createCommunity', () => {
  const invalid = (plugins: readonly Plugin[]) => thrown(() => createWith(plugins), 'INVALID_WORKFLOW');

  it('fails with INVALID_WORKFLOW naming a plugin state with no way to a terminal state', () => {
    const stuck = definePlugin({
      id: 'archive',
      setup({ workflow }) {
        workflow.state('shelved');
        workflow.transition({ name: 'archive.shelve', from: ['in_progress'], to: 'archive.shelved', roles: ['assignee'] });
      },
    });
    const error = invalid([stuck()]);
    expect(error.message).toContain("state 'archive.shelved' cannot reach any terminal state");
    expect(error.details['problems']).toEqual(["state 'archive.shelved' cannot reach any terminal state"]);
  });

  it('refuses a transition into another plugin’s state, an undeclared state, or out of a terminal state, all at once', () => {
    const other = definePlugin({
      id: 'other',
      setup({ workflow }) {
        workflow.transition({ name: 'other.borrow', from: ['legal-review.reviewing'], to: 'in_progress', roles: ['station_head'] });
        workflow.transition({ name: 'other.ghost', from: ['in_progress'], to: 'other.nowhere', roles: ['assignee'] });
        workflow.transition({ name: 'other.reopen', from: ['closed'], to: 'assigned', roles: ['station_head'] });
      },
    });
    const problems = invalid([legalReview(), other()]).details['problems'];
    expect(problems).toEqual(
      expect.arrayContaining([
        "plugin 'other' transition 'other.borrow' names state 'legal-review.reviewing' of plugin 'legal-review'; a plugin may only use core states and its own",
        expect.stringContaining("plugin 'other' transition 'other.ghost' names state 'other.nowhere', which is neither a core state nor a state of plugin 'other'"),
        "transition 'other.reopen' leaves terminal state 'closed'",
      ]),
    );
  });

  it('accepts an in-place action (to: null) and a terminal plugin state', async () => {
    const desk = definePlugin({
      id: 'desk',
      setup({ workflow }) {
        workflow.state('declined', { terminal: true });
        workflow.transition({ name: 'desk.flag', from: ['accepted', 'in_progress'], to: null, roles: ['assignee', 'station_head'] });
        workflow.transition({ name: 'desk.decline', from: ['submitted'], to: 'desk.declined', roles: ['station_head'] });
      },
    });
    const fx = await legalReviewOffice({ plugins: [desk()] });
    expect(fx.community.workflow.terminal).toContain('desk.declined');
    const id = await acceptedRequest(fx);
    const flagged = await fx.as(fx.members.lead.id).requests.transition({ requestId: id, name: 'desk.flag', note: '涉及群体性欠薪' });
    expect(flagged).toMatchObject({ status: 'accepted', version: 4 });
    const entry = (await fx.system.requests.get(id)).timeline.at(-1);
    expect(entry).toMatchObject({ type: 'transitioned', fromStatus: null, toStatus: null, data: { transition: 'desk.flag', note: '涉及群体性欠薪' } });

    const { id: other } = await fx.system.requests.submit(submitInput(fx));
    const declined = await fx.as(fx.members.stationHead.id).requests.transition({ requestId: other, name: 'desk.decline' });
    expect(declined).toMatchObject({ status: 'desk.declined' });
    expect(declined.closedAt).toEqual(fx.clock.now());
    // A terminal state is never left, not even by a note.
    await rejection(fx.system.requests.note({ requestId: other, text: '补充说明' }), 'INVALID_TRANSITION');
  });

  it('leaves the host workflow as it is when no plugin adds to it', () => {
    const community = createWith([definePlugin({ id: 'quiet', setup: () => undefined })()]);
    expect(community.workflow.transitions.find((t) => t.name === 'withdraw')?.from).not.toContain('legal-review.reviewing');
  });
});
