import { z } from 'zod';
import type { ResolvedActor } from '../../auth/actor.js';
import type { RequestCommandName } from '../../events/core-events.js';
import type { PluginCommandName } from '../../plugins/hooks.js';
import type { Member } from '../../model/member.js';
import type { ServiceRequest } from '../../model/request.js';
import type { Team } from '../../model/team.js';
import type { JsonValue } from '../../storage/types.js';
import type { RoutingResult } from '../../pipeline/routing-step.js';
import type { SlaEngine } from '../../sla/sla-engine.js';
import type { TimerDraft } from '../../timers/timer-record.js';

/** Every request command names its request and may state the version it was decided on. */
export const targetFields = {
  /** The request to act on. */
  requestId: z.string().min(1),
  /** The version the caller saw; a different current version is a CONFLICT. */
  version: z.number().int().positive().optional(),
};

/** What `load` found for `decide`: the directory records and requests the input refers to. */
export interface Snapshot {
  members: ReadonlyMap<string, Member>;
  teams: ReadonlyMap<string, Team>;
  requests: ReadonlyMap<string, ServiceRequest>;
}

/** A timeline entry before the pipeline numbers and stamps it. */
export interface EntryDraft {
  type: string;
  data: { [key: string]: JsonValue };
  /** Set on the entry that records the state change. */
  fromStatus?: string;
  toStatus?: string;
}

/** A member or team taking part in a request (for visibility queries). */
export interface PartyDraft {
  partyKind: 'member' | 'team';
  partyId: string;
  role: 'assist';
}

/** The pure result of a command. */
export interface Decision {
  request: ServiceRequest;
  entries: EntryDraft[];
  parties?: PartyDraft[];
  /** Timers to schedule in the command's transaction (SLA reminders, escalations). */
  timers?: TimerDraft[];
  /** Cancel the request's pending SLA timers first (deadlines changed, or the clock stopped). */
  cancelTimers?: boolean;
}

/** What `decide` gets: everything it needs, nothing it could do I/O with. */
export interface DecideArgs<I> {
  request: ServiceRequest;
  input: I;
  snapshot: Snapshot;
  actor: ResolvedActor;
  now: Date;
  /** The state the fired transition leads to (null: stay). */
  to: string | null;
  /** What routing decided, when the command asked for routing and the office has a config. */
  routing: RoutingResult | null;
  /** The SLA engine of the request's policy; null when nothing is timed. */
  sla: SlaEngine | null;
}

/** What `load` may read; every lookup is already scoped to the actor's office. */
export interface LoadContext {
  member(id: string): Promise<Member | null>;
  team(id: string): Promise<Team | null>;
  request(id: string): Promise<ServiceRequest | null>;
}

/** The references an input makes, which `load` resolves into the snapshot. */
export interface References {
  members?: (string | null | undefined)[];
  teams?: (string | null | undefined)[];
  requests?: (string | null | undefined)[];
}

/** One request command: its input, the transition it fires, and its pure decision. */
export interface RequestCommand<S extends z.ZodType = z.ZodType> {
  /** The command, as hooks see it: a core command, or a plugin transition (`legal-review.send`). */
  name: RequestCommandName | PluginCommandName;
  /** The plugin whose transition this is; its commit is published as `request.transition`. */
  plugin?: string;
  input: S;
  /** The workflow transition this input fires (e.g. follow-up fires `redo` when unsatisfied). */
  transition(input: z.output<S>): string;
  /** The directory records and requests the input refers to (loaded before `decide`). */
  references?(input: z.output<S>, request: ServiceRequest): References;
  /** Whether to route the request before deciding, and whom routing must pass over. */
  routes?(input: z.output<S>, request: ServiceRequest): { exclude: string[] } | null;
  decide(args: DecideArgs<z.output<S>>): Decision;
}

/** Declares a request command with its input type inferred. */
export function requestCommand<S extends z.ZodType>(command: RequestCommand<S>): RequestCommand<S> {
  return command;
}

/** Shorthand for a transition entry. */
export function transitionEntry(type: string, from: ServiceRequest, to: string | null, data: EntryDraft['data'] = {}): EntryDraft {
  return to === null ? { type, data } : { type, data, fromStatus: from.status, toStatus: to };
}
