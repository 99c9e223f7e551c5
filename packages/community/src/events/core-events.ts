import type { ActorRef, TimelineEntry } from '../model/timeline.js';
import type { ServiceRequest } from '../model/request.js';
import type { Visit } from '../model/visit.js';
import type { DirectoryModel } from '../auth/authorization-policy.js';

/** Payload of every `request.*` event. */
export interface RequestEvent {
  /** The command that committed, e.g. `accept`. */
  command: string;
  /** The request as the command left it. */
  request: ServiceRequest;
  /** The timeline entries the command wrote. */
  entries: TimelineEntry[];
  /** Who ran the command. */
  actor: ActorRef;
}

/** Payload of `directory.changed`. */
export interface DirectoryEvent {
  /** Which kind of record changed, e.g. `enterprise`. */
  model: DirectoryModel;
  /** What happened to it. */
  action: 'created' | 'updated' | 'archived';
  /** The record's id. */
  id: string;
  /** The office it belongs to. */
  officeId: string;
  /** Who changed it. */
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
  /** The request the reminder is about. */
  request: ServiceRequest;
  /** The share of the resolve time used, from the policy's `reminders`, e.g. 0.8; 1 is the deadline. */
  share: number;
  /** The resolve deadline in force. */
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
  /** A reminder (催办) is due on a request. */
  'sla.reminder': SlaReminderEvent;
  /** A visit (走访) and its requests were recorded. */
  'visit.recorded': {
    /** The visit. */
    visit: Visit;
    /** The requests recorded on it. */
    requests: ServiceRequest[];
    /** Who recorded it. */
    actor: ActorRef;
  };
  /** A directory record was created, updated or archived. */
  'directory.changed': DirectoryEvent;
};

/** Payload of `request.transition`: a plugin transition committed. */
export type TransitionEvent = CoreEvents['request.transition'];
