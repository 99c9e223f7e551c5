import type { ActorRef, TimelineEntry } from '../model/timeline.js';
import type { ServiceRequest } from '../model/request.js';
import type { Visit } from '../model/visit.js';
import type { DirectoryModel } from '../auth/authorization-policy.js';

/** Payload of every `request.*` event. */
export interface RequestEvent {
  /** The command that committed, e.g. `accept`. */
  command: string;
  request: ServiceRequest;
  /** The timeline entries the command wrote. */
  entries: TimelineEntry[];
  actor: ActorRef;
}

/** Payload of `directory.changed`. */
export interface DirectoryEvent {
  model: DirectoryModel;
  action: 'created' | 'updated' | 'archived';
  id: string;
  officeId: string;
  actor: ActorRef;
}

/** The request commands, each published as `request.<command>` after commit. */
export type RequestCommandName =
  | 'submit'
  | 'assign'
  | 'reassign'
  | 'accept'
  | 'return'
  | 'redispatch'
  | 'overrule_return'
  | 'start'
  | 'pause'
  | 'resume'
  | 'reply'
  | 'follow_up'
  | 'close'
  | 'merge'
  | 'withdraw'
  | 'add_assist'
  | 'sign_assist'
  | 'contribute'
  | 'note'
  | 'request_extension'
  | 'decide_extension'
  | 'supervise';

/** Payload of `sla.reminder`: a reminder (催办) is due; `share` 1 means the deadline has come. */
export interface SlaReminderEvent {
  request: ServiceRequest;
  share: number;
  resolveDueAt: Date;
}

/** The events the core publishes. Plugins add theirs through `definePlugin({ events })`. */
export type CoreEvents = { [K in RequestCommandName as `request.${K}`]: RequestEvent } & {
  /** An escalation step fired: the level rose and the next level joined the watchers. */
  'request.escalate': RequestEvent;
  /**
   * A plugin transition committed (`requests.transition`). Written out rather than named, so
   * that hosts' inferred community types need no further export of the package.
   */
  'request.transition': RequestEvent & {
    /** The plugin transition that fired, `<plugin-id>.<name>`, e.g. `legal-review.send`; `command` names it too. */
    transition: string;
  };
  'sla.reminder': SlaReminderEvent;
  'visit.recorded': { visit: Visit; requests: ServiceRequest[]; actor: ActorRef };
  'directory.changed': DirectoryEvent;
};

/** Payload of `request.transition`: a plugin transition committed. */
export type TransitionEvent = CoreEvents['request.transition'];
