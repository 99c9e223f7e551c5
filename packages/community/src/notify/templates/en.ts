import type { LocaleTemplates } from '../notification-template.js';
import type { NotificationEvent } from '../notification-events.js';

// The en counterparts of the zh-CN notices: short, concrete, with the deadline. Lines whose
// placeholders have no value are left out.
const request = 'Request: {title}';
const enterprise = 'Enterprise: {enterprise}';
const deadline = 'Please conclude it by {deadline}.';

/** The built-in en templates, one per event. */
export const enTemplates: LocaleTemplates<NotificationEvent> = {
  'request.submit': {
    title: 'Request received: {title}',
    text: `A request from {enterprise} has been received.\n${request}\nDetails: {description}\nContact: {contact}`,
  },
  'request.assign': {
    title: 'New request to sign for: {title}',
    text: `A new enterprise request is waiting for you to sign for it.\n${request}\n${enterprise}\nDetails: {description}\nContact: {contact}\nPlease sign for it by {respondDeadline}.\n${deadline}`,
  },
  'request.reassign': {
    title: 'Request reassigned: {title}',
    text: `This request has been reassigned to {assignee}. Reason: {reason}\n${request}`,
  },
  'request.accept': {
    title: 'Request signed for: {title}',
    text: `{actor} has signed for this request.\n${request}\n${deadline}`,
  },
  'request.return': {
    title: 'Request returned: {title}',
    text: `This request has been returned. Reason: {reason}\n${request}\n${enterprise}\nPlease dispatch it again or overrule the return.`,
  },
  'request.redispatch': {
    title: 'Request dispatched again: {title}',
    text: `This request has been dispatched to {assignee}.\n${request}`,
  },
  'request.overrule_return': {
    title: 'Return overruled: {title}',
    text: `The return of this request was overruled. Reason: {reason}\n${request}\nPlease keep working on it.\n${deadline}`,
  },
  'request.start': {
    title: 'Work started: {title}',
    text: `{actor} has started working on this request.\n${request}`,
  },
  'request.pause': {
    title: 'Request paused: {title}',
    text: `This request is paused. Reason: {reason}\n${request}`,
  },
  'request.resume': {
    title: 'Request resumed: {title}',
    text: `Work on this request has resumed.\n${request}\n${deadline}`,
  },
  'request.reply': {
    title: 'Your request has been concluded: {title}',
    text: `The matter you raised has been concluded. Outcome: {outcome}\n${request}`,
  },
  'request.follow_up': {
    title: 'Thank you for your rating: {title}',
    text: `Thank you for your rating.\nRating: {rating}\n${request}`,
  },
  'request.close': {
    title: 'Request closed: {title}',
    text: `This request has been closed.\n${request}\nNote: {note}`,
  },
  'request.merge': {
    title: 'Request merged: {title}',
    text: `This request repeats one that is being handled and has been merged into it.\n${request}`,
  },
  'request.withdraw': {
    title: 'Request withdrawn: {title}',
    text: `This request has been withdrawn. Reason: {reason}\n${request}`,
  },
  'request.add_assist': {
    title: 'Assisting units added: {title}',
    text: `Assisting units have been added to this request; please sign for your part and file your contribution.\n${request}\n${enterprise}`,
  },
  'request.sign_assist': {
    title: 'Assisting unit signed for: {title}',
    text: `{actor} has signed for the assisting part.\n${request}`,
  },
  'request.contribute': {
    title: 'Contribution filed: {title}',
    text: `{actor} has filed a contribution.\n${request}`,
  },
  'request.note': {
    title: 'Progress: {title}',
    text: `Progress: {note}\n${request}`,
  },
  'request.request_extension': {
    title: 'Extension requested: {title}',
    text: `{actor} asks for {days} more working days. Reason: {reason}\n${request}\nPlease decide on it.`,
  },
  'request.decide_extension': {
    title: 'Extension {decision}: {title}',
    text: `The extension request for this request was {decision}.\n${request}\n${deadline}`,
  },
  'request.supervise': {
    title: 'Under supervision: {title}',
    text: `The street office is supervising this request.\n${request}\nSupervision note: {note}\n${deadline}`,
  },
  'request.escalate': {
    title: 'Overdue request escalated: {title}',
    text: `This request is {overdue} and has been escalated to level {level}.\n${request}\nLead: {assignee}`,
  },
  'sla.reminder': {
    title: 'Reminder: {title}',
    text: `This request is due by {deadline}; please handle it in time.\n${request}`,
  },
};
