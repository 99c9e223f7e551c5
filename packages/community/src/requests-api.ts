import { lazy } from './internal/lazy.js';
import type { z } from 'zod';
import type { Actor } from './auth/actor.js';
import type { RequestCommands } from './commands/request/index.js';
import type { TransitionRequestInput } from './commands/request/transition-command.js';
import type { ServiceRequest, SubmitRequestInput } from './model/request.js';
import type { Runtime } from './pipeline/runtime.js';
import { requestQueries, type RequestQueries } from './queries/request-queries.js';

type In<K extends keyof RequestCommands> = z.input<RequestCommands[K]['input']>;

/**
 * Every request command and query, as one actor. Each command takes the request id and,
 * optionally, the `version` the caller last saw (a newer one is a CONFLICT), and returns
 * the request as committed. The timeline records who did what.
 *
 * @example
 * ```ts
 * const head = community.as({ kind: 'member', officeId, memberId: stationHeadId });
 * let r = await head.requests.assign({ requestId, version: 1, assigneeId: lawyerId });
 * r = await lawyer.requests.accept({ requestId, version: r.version });
 * ```
 */
export interface RequestsApi extends RequestQueries {
  /** 受理: records a new request. A retried call with the same `idempotencyKey` returns the same request. */
  submit(input: SubmitRequestInput): Promise<ServiceRequest>;
  /** 派单: assigns a submitted request to its lead (station head, dispatcher, office staff). */
  assign(input: In<'assign'>): Promise<ServiceRequest>;
  /** 改派: moves a request being worked on to another lead, with a reason. */
  reassign(input: In<'reassign'>): Promise<ServiceRequest>;
  /** 签收: the lead signs for the request. */
  accept(input: In<'accept'>): Promise<ServiceRequest>;
  /** 退单: the lead returns a request that is not theirs, with a reason and a suggested owner. */
  return(input: In<'return'>): Promise<ServiceRequest>;
  /** Settles a return by assigning someone else. */
  redispatch(input: In<'redispatch'>): Promise<ServiceRequest>;
  /** Settles a return by overruling it: the lead keeps the request. */
  overruleReturn(input: In<'overrule_return'>): Promise<ServiceRequest>;
  /** 办理: the lead starts work. */
  start(input: In<'start'>): Promise<ServiceRequest>;
  /** Waits on the enterprise (the SLA clock pauses). */
  pause(input: In<'pause'>): Promise<ServiceRequest>;
  /** Work goes on; the paused working time is added back to the deadline. */
  resume(input: In<'resume'>): Promise<ServiceRequest>;
  /** 反馈: the lead replies with an outcome. */
  reply(input: In<'reply'>): Promise<ServiceRequest>;
  /** A progress note, optionally with attachments. */
  note(input: In<'note'>): Promise<ServiceRequest>;
  /** 协办: adds an assisting member or team. */
  addAssist(input: In<'add_assist'>): Promise<ServiceRequest>;
  /** An assisting unit signs for its part. */
  signAssist(input: In<'sign_assist'>): Promise<ServiceRequest>;
  /** An assisting unit files its contribution. */
  contribute(input: In<'contribute'>): Promise<ServiceRequest>;
  /** 回访: records the rating; `unsatisfied` redoes the request (重办), anything else closes it. */
  followUp(input: In<'follow_up'>): Promise<ServiceRequest>;
  /** 办结 without a rating. */
  close(input: In<'close'>): Promise<ServiceRequest>;
  /** Links a duplicate to the original request. */
  merge(input: In<'merge'>): Promise<ServiceRequest>;
  /** Withdraws the request. */
  withdraw(input: In<'withdraw'>): Promise<ServiceRequest>;
  /** 延期: the lead asks for more working days, before the deadline, with a reason. */
  requestExtension(input: In<'request_extension'>): Promise<ServiceRequest>;
  /** Approves or refuses the pending extension (the roles the SLA policy names). */
  decideExtension(input: In<'decide_extension'>): Promise<ServiceRequest>;
  /** 督办: flags the request as supervised; the supervisor joins its watchers. */
  supervise(input: In<'supervise'>): Promise<ServiceRequest>;
  /**
   * Fires a transition a plugin added, e.g. `legal-review.send`, through the same pipeline as
   * the core commands: the transition's roles, the plugins' hooks (their command is the
   * transition's name), a `transitioned` timeline entry with the note, and `request.transition`
   * after commit. A core command's name is refused (VALIDATION_FAILED): call its own method.
   *
   * @example
   * ```ts
   * const r = await lawyer.requests.transition({ requestId, version: 3, name: 'legal-review.send', note: '合同条款需法律审核' });
   * ```
   */
  transition(input: TransitionRequestInput): Promise<ServiceRequest>;
}

// The command definitions load on first use: an embedding pays for them when it works
// requests, not when it starts.
const commands = lazy(() => import('./commands/request/index.js').then((m) => m.requestCommands));
const submission = lazy(() => import('./pipeline/submit-pipeline.js'));
const pipeline = lazy(() => import('./pipeline/request-pipeline.js'));

export function requestsApi(runtime: Runtime, who: Actor): RequestsApi {
  const run =
    <K extends keyof RequestCommands>(name: K) =>
    async (input: In<K>) =>
      (await pipeline()).runRequestCommand(runtime, who, (await commands())[name], input);
  return {
    ...requestQueries(runtime, who),
    submit: async (input) => (await submission()).submitRequest(runtime, who, input),
    assign: run('assign'),
    reassign: run('reassign'),
    accept: run('accept'),
    return: run('return'),
    redispatch: run('redispatch'),
    overruleReturn: run('overrule_return'),
    start: run('start'),
    pause: run('pause'),
    resume: run('resume'),
    reply: run('reply'),
    note: run('note'),
    addAssist: run('add_assist'),
    signAssist: run('sign_assist'),
    contribute: run('contribute'),
    followUp: run('follow_up'),
    close: run('close'),
    merge: run('merge'),
    withdraw: run('withdraw'),
    requestExtension: run('request_extension'),
    decideExtension: run('decide_extension'),
    supervise: run('supervise'),
    transition: async (input) => (await pipeline()).runPluginTransition(runtime, who, input),
  };
}
