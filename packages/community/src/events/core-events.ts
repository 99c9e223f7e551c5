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
  | 'note';

/** The events the core publishes. Plugins add theirs through `definePlugin({ events })`. */
export type CoreEvents = { [K in RequestCommandName as `request.${K}`]: RequestEvent } & {
  'visit.recorded': { visit: Visit; requests: ServiceRequest[]; actor: ActorRef };
  'directory.changed': DirectoryEvent;
};
