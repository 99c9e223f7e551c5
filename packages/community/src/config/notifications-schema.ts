import { z } from 'zod';
import type { RoleName } from '../model/member.js';
import { channels, priorities } from '../model/request.js';
import { notificationEvents } from '../notify/notification-events.js';
import { placeholdersOf, templateVariables } from '../notify/template-vars.js';
import { configIdSchema, refSchema } from './config-primitives.js';

// ---- notifications -----------------------------------------------------------------------

/** A kind of notification channel, e.g. email, dingtalk, wecom, feishu, webhook. */
export const notifyChannelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'Use a channel name such as email, dingtalk, wecom, feishu or webhook')
  .max(32);

/** Who a notification rule tells, relative to the request. */
export const notifyRecipientKinds = [
  /** The lead (主办) after the change. */
  'assignee',
  /** The lead before the change, when it changed (reassign, redispatch). */
  'previous_assignee',
  /** The request's watchers. */
  'watchers',
  /** Assisting members (协办), and the members of assisting teams. */
  'assisting',
  /** Who settles returns: members with the dispatcher or station_head role. */
  'dispatcher',
  /** The next level: an escalation step's roles; for a supervision, the station head. */
  'next_level',
  /** The contacts of the request's enterprise (企业联系人). */
  'enterprise_contact',
  /** The captain (园区长) of the request's park. */
  'captain',
  /** The member who submitted it. */
  'submitter',
] as const;

const roleNames = ['commissioner', 'station_head', 'dispatcher', 'captain', 'provider', 'office_staff', 'enterprise_contact'] as const satisfies readonly RoleName[];
// A role added to the member model but not listed above fails to compile here.
type Listed<Missing extends never> = Missing;
type EveryRoleListed = Listed<Exclude<RoleName, (typeof roleNames)[number]>>;

/** The schema of a {@link NotifyRecipient}. */
export const notifyRecipientSchema = z.union([
  z.enum(notifyRecipientKinds),
  /** Every member holding this role. */
  z.strictObject({
    /** The role. */
    role: z.enum(roleNames).describe('Every member holding this role.'),
  }),
  /** One member, by id or staff number. */
  z.strictObject({
    /** The member, by id or staff number. */
    member: refSchema.describe('One member, by id or staff number.'),
  }),
  /** The channel itself, with no member: an integrator's webhook, a group robot's group. */
  z.strictObject({
    /** The channel, e.g. `webhook`. */
    channel: notifyChannelSchema.describe("The channel itself, with no member: an integrator's webhook, a group robot's group."),
  }),
]);
/**
 * Who a notification rule tells: a kind relative to the request (`assignee`, `previous_assignee`,
 * `watchers`, `assisting`, `dispatcher`, `next_level`, `enterprise_contact`, `captain`,
 * `submitter`), `{ role }`, `{ member }` or `{ channel }`.
 *
 * @useDeclaredType
 */
export type NotifyRecipient = z.infer<typeof notifyRecipientSchema>;

/**
 * A notification event a plugin declared, `<plugin-id>.<name>`. The core's namespaces
 * (`request.`, `sla.`) are left out, so a misspelt core event is told as one, with a "did you
 * mean"; whether a plugin declared the name is checked against the plugins.
 */
export const pluginEventNameSchema = z
  .string()
  .max(100)
  .regex(/^(?!request\.|sla\.)[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[A-Za-z0-9_][\w.-]*$/, { message: "Name a plugin's event as <plugin-id>.<name>, e.g. progress-reports.report_due", abort: true });

/** A core notification event, or one a plugin declared. */
const notifyEventSchema = z.union([z.enum(notificationEvents), pluginEventNameSchema]);

const RULE_EVENTS = "The events: request.<command> (e.g. request.assign), request.escalate, sla.reminder, a plugin's <plugin-id>.<name>, or * for every change.";
const RULE_RECIPIENTS =
  'Who is told: assignee, previous_assignee, watchers, assisting, dispatcher, next_level, enterprise_contact, captain or submitter (of the request), { role }, { member } or { channel }.';

/** Which events a rule applies to, to whom, and over which channels. */
export const notifyRuleSchema = z.strictObject({
  /** Events, e.g. request.assign, sla.reminder, or a plugin's `<plugin-id>.<name>`; `*` is every change to the request. */
  on: z.array(z.union([z.enum(notificationEvents), z.literal('*'), pluginEventNameSchema])).min(1).max(50).describe(RULE_EVENTS),
  /** Who is told, relative to the request, by role, by member, or a bare channel. */
  to: z.array(notifyRecipientSchema).min(1).max(20).describe(RULE_RECIPIENTS),
  /** Only requests that match (each list given must contain the request's value). */
  when: z
    .strictObject({
      /** Only requests that came in through one of these channels (渠道). */
      channel: z.array(z.enum(channels)).min(1).optional().describe('Only requests received through one of these channels (渠道).'),
      /** Only requests of one of these categories. */
      category: z.array(z.string().trim().min(1).max(64)).min(1).optional().describe('Only requests of one of these categories (category ids).'),
      /** Only requests of one of these priorities. */
      priority: z.array(z.enum(priorities)).min(1).optional().describe('Only requests of one of these priorities.'),
    })
    .optional()
    .describe("Only requests that match: each list given must contain the request's value."),
  /** Only these channels. @default every channel the office configured */
  via: z.array(notifyChannelSchema).min(1).max(10).optional().describe('Only these channels, e.g. [email]. Default: every channel the office configured.'),
});
/**
 * A notification rule: which events, whom to tell, for which requests, over which channels.
 *
 * @useDeclaredType
 */
export type NotifyRule = z.infer<typeof notifyRuleSchema>;

const knownPlaceholders: readonly string[] = templateVariables;
const coreEvents: readonly string[] = notificationEvents;

/** An office's own wording for one event in one locale, with `{placeholders}`. */
export const notifyTemplateSchema = z.strictObject({
  /** The title: the e-mail subject, the chat card's heading. */
  title: z.string().min(1).max(200).describe('The title (the e-mail subject, the chat card heading).'),
  /** The plain-text body; a line whose placeholder has no value is left out. */
  text: z.string().min(1).max(5000).describe('The plain-text body. A line whose placeholder has no value is left out.'),
  /** An HTML body for channels that show one (e-mail); made from `text` when absent. */
  html: z.string().min(1).max(20_000).optional().describe('An HTML body for channels that show one (e-mail); made from text when absent.'),
});

const localeTemplatesSchema = z.strictObject({
  /** The wording in Chinese. */
  'zh-CN': notifyTemplateSchema.optional().describe('The wording in Chinese.'),
  /** The wording in English. */
  en: notifyTemplateSchema.optional().describe('The wording in English.'),
});

/**
 * An unknown placeholder in a core event's template is an error. A plugin's event fills its
 * own placeholders from the data it sends, which only the plugin knows, so its templates may
 * use any. Checked over the whole map because only there is the event known; it runs even
 * when other parts of the map are wrong, so every problem is told at once.
 */
function checkPlaceholders(templates: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [event, locales] of Object.entries(templates)) {
    if (!coreEvents.includes(event) || typeof locales !== 'object' || locales === null) continue;
    for (const [locale, template] of Object.entries(locales)) {
      if (typeof template !== 'object' || template === null) continue;
      for (const [part, text] of Object.entries(template)) {
        if (typeof text !== 'string') continue;
        for (const name of new Set(placeholdersOf(text))) {
          if (knownPlaceholders.includes(name)) continue;
          ctx.addIssue({ code: 'custom', path: [event, locale, part], message: `unknown placeholder {${name}}; use one of ${templateVariables.map((v) => `{${v}}`).join(', ')}` });
        }
      }
    }
  }
}

/**
 * Who is told what (notifications): which notifier delivers each channel, rules mapping events
 * to recipients (on top of the defaults unless `replaceDefaults`), and the office's own
 * templates per event and locale.
 */
export const notificationsSchema = z.strictObject({
  /** The notifier (by id) that delivers each channel, e.g. { email: smtp-main, dingtalk: dingtalk-bot }. */
  channels: z.record(notifyChannelSchema, z.string().trim().min(1).max(64)).default({}).describe('The notifier (by its id) that delivers each channel, e.g. { email: smtp-main, dingtalk: dingtalk-bot }.'),
  /** Who is told of which events, on top of the defaults unless `replaceDefaults`. @default [] */
  rules: z.array(notifyRuleSchema).max(200).default([]).describe('Who is told of which events, on top of the default rules unless replaceDefaults is true.'),
  /** Use only `rules`, not the defaults. @default false */
  replaceDefaults: z.boolean().default(false).describe('Use only rules, not the default rules.'),
  /** The office's own wording, by event (a core event, or a plugin's) and locale. */
  templates: z
    .record(notifyEventSchema, localeTemplatesSchema)
    .superRefine(checkPlaceholders, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
    .default({})
    .describe(`The office's own wording, by event (a core event or a plugin's) and locale. A core event's may use ${templateVariables.map((v) => `{${v}}`).join(', ')}.`),
  /** The locale of messages to a channel with no member (`{ channel }` recipients). @default zh-CN */
  locale: z.enum(['zh-CN', 'en']).default('zh-CN').describe('The locale of messages to a channel with no member ({ channel } recipients).'),
});
/**
 * An office's notification settings, validated: channels, rules, templates and the locale of bare channels.
 *
 * @useDeclaredType
 */
export type NotificationsConfig = z.output<typeof notificationsSchema>;
