import { z } from 'zod';
import { calendarConfigSchema } from '../calendar/calendar-schema.js';
import type { RoleName } from '../model/member.js';
import { channels, priorities } from '../model/request.js';
import { notificationEvents } from '../notify/notification-events.js';
import { placeholdersOf, templateVariables } from '../notify/template-vars.js';
import { PLUGIN_NAME_PATTERN } from '../routing/plugin-routing.js';

/**
 * The office config: one document (YAML or JSON, `kechuang.config.yaml` by convention) that
 * holds an office's policy — portfolios, teams, request categories, SLA policy names and the
 * routing rules. Who holds a portfolio or belongs to a team is directory data, not config;
 * rules refer to portfolios, teams, parks and members by id or code.
 *
 * Every object is strict: an unknown key is an error (with a "did you mean" when one is close).
 */

/** A label in both languages the SDK speaks. */
export const labelsSchema = z.strictObject({
  /** The name in Chinese. */
  'zh-CN': z.string().trim().min(1).max(100),
  /** The name in English. */
  en: z.string().trim().min(1).max(100),
});
/**
 * A name in Chinese and in English, each 1–100 characters.
 *
 * @useDeclaredType
 */
export type Labels = z.infer<typeof labelsSchema>;

/** An identifier used in config: lower-case letters, digits and underscores. */
export const configIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores, starting with a letter (e.g. economic_development)')
  .max(64);

/** A reference to a directory record by its id or its stable code. */
export const refSchema = z.string().trim().min(1).max(64);

/**
 * A routing action or assignment strategy a plugin registered, by its namespaced name
 * (`<plugin-id>.<name>`). Whether a plugin of the community registered it is checked against
 * the plugins (see `validateOfficeConfig`'s options), not by the schema.
 */
export const pluginNameSchema = z
  .string()
  .max(100)
  // Aborting, so that in a union with built-in names a misspelt built-in one is told as such.
  .regex(PLUGIN_NAME_PATTERN, { message: "Name a plugin's action or strategy as <plugin-id>.<name>, e.g. duplicates.flag", abort: true });

/** A portfolio (分管领域) of the office; who holds it is directory data. */
export const portfolioSchema = z.strictObject({
  /** The portfolio id, e.g. `economic_development`. */
  id: configIdSchema,
  /** The names shown to people. */
  labels: labelsSchema,
});

/** A team named in config; its members are directory data (providers with this team). */
export const teamRefSchema = z.strictObject({
  /** The team's code in the directory, e.g. `LEGAL`. */
  code: refSchema,
  /** The names shown to people. */
  labels: labelsSchema,
});

/** A custom attribute of a category, in the way Open311 service definitions describe them. */
export const categoryAttributeSchema = z.strictObject({
  /** The attribute code, e.g. `amount`; rules test it as `attributes.<code>`. */
  code: configIdSchema,
  /** The names shown to people. */
  labels: labelsSchema,
  /** `string`, `number`, `boolean`, `single` (one of `values`) or `multi` (several of `values`). */
  type: z.enum(['string', 'number', 'boolean', 'single', 'multi']),
  /** Whether a request of the category must give it. @default false */
  required: z.boolean().default(false),
  /** Allowed values for `single` and `multi`. */
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
});

/** A request category (诉求类别), like an Open311 service definition. */
export const categorySchema = z.strictObject({
  /** The category id, e.g. `legal`; rules test it as `{ category: legal }`. */
  id: configIdSchema,
  /** The names shown to people. */
  labels: labelsSchema,
  /** The portfolio this category belongs to, if any. */
  portfolio: configIdSchema.optional(),
  /** The SLA policy requests of this category get unless a rule sets another. */
  sla: configIdSchema.optional(),
  /** Custom attributes a request of the category carries. @default [] */
  attributes: z.array(categoryAttributeSchema).max(50).default([]),
});

/** A time limit: in working hours (a duration of office time) or working days (DOMAIN.md). */
export const timeLimitSchema = z.union([
  z.strictObject({
    /** Hours of office time, e.g. 4 or 0.5. */
    workingHours: z.number().positive().max(10_000).describe('Hours of office time, e.g. 4 or 0.5, counted from the start if in office hours, else from the next opening.'),
  }),
  z.strictObject({
    /** Whole working days; the day it starts on is not counted. */
    workingDays: z.number().int().positive().max(365).describe('Whole working days; the start day is not counted: the limit ends at the close of the n-th working day after it.'),
  }),
]);
/**
 * A time limit: `{ workingHours }` (a duration of office time) or `{ workingDays }` (to the close of the n-th working day after).
 *
 * @useDeclaredType
 */
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** Who an escalation notifies, or who may approve an extension. */
export const supervisorRoleSchema = z.enum(['station_head', 'dispatcher', 'office_staff']);

const REMINDERS = 'Reminders (催办), as shares of the working time from the start to the resolve deadline: 0.5 is half-way, 1 the deadline. The last share below 1 turns the light yellow.';
const EXTENSION = 'Extensions (延期): asked for before the resolve deadline; an approved one replaces the deadline. Without it, extensions are refused.';
const PAUSE = 'Whether pausing (waiting on the enterprise) stops the clock: reminders stop, and resuming adds the paused working time to the deadline.';

/**
 * An SLA policy: its limits, reminders, escalation ladder, return window, extensions and
 * pause. Requests get one from their category, a routing rule, or `defaultSla`.
 */
export const slaPolicyRefSchema = z.strictObject({
  /** The policy id, e.g. `consultation`. */
  id: configIdSchema,
  /** The names shown to people. */
  labels: labelsSchema,
  /** Until the lead signs for it (签收). */
  respond: timeLimitSchema.optional().describe('The time limit to sign for (签收), from submission and again from each new assignment; none when left out.'),
  /** Until the lead replies (反馈). */
  resolve: timeLimitSchema.optional().describe('The time limit to reply (反馈), from submission and again from a redo (重办). A policy without it times nothing.'),
  /** Until assisting units (协办) file their contributions. */
  assist: timeLimitSchema.optional().describe('The time limit for an assisting unit (协办) to file its contribution, counted from when it is added.'),
  /** Reminders (催办) at these shares of the resolve time used; 1 is the deadline itself. @default [0.5, 0.8, 1] */
  reminders: z.array(z.number().gt(0).max(1)).max(10).default([0.5, 0.8, 1]).describe(REMINDERS),
  /** The escalation ladder: each step fires this many working days after the resolve deadline. */
  escalation: z
    .array(
      z.strictObject({
        /** Working days after the resolve deadline; 0 fires at the deadline. */
        afterWorkingDays: z.number().int().min(0).max(60).describe('Working days after the resolve deadline; 0 fires at the deadline itself.'),
        /** The roles told of the escalation. */
        notify: z.array(supervisorRoleSchema).min(1).describe('The roles told of the escalation (the next level).'),
      }),
    )
    .max(5)
    .default([])
    .describe('The escalation ladder of an overdue request: each step fires some working days after the resolve deadline.'),
  /** A return (退单) is allowed within this many working days of assignment. @default 2 */
  returnWindowWorkingDays: z.number().int().min(0).max(30).default(2).describe('A return (退单) is allowed within this many working days after the assignment.'),
  /** Extensions (延期): who approves them and the most working days one may add. */
  extension: z
    .strictObject({
      /** The roles that may approve or refuse an extension. @default ['station_head'] */
      approvers: z.array(supervisorRoleSchema).min(1).default(['station_head']).describe('The roles that may approve or refuse an extension.'),
      /** The most working days one extension may add. */
      maxWorkingDays: z.number().int().positive().max(365).describe('The most working days one extension may add to the resolve deadline.'),
    })
    .optional()
    .describe(EXTENSION),
  /** Whether pausing (waiting on the enterprise) stops the clock. @default true */
  pauseStopsClock: z.boolean().default(true).describe(PAUSE),
});

// ---- routing -----------------------------------------------------------------------------

/** A scalar a condition compares with. */
export const conditionValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * An operator test on one field: `{ in: [...] }`, `{ gte: 10000, lt: 50000 }`,
 * `{ any: ['欠款', '尾款'] }` (text contains any keyword), `{ regex: '...' }` (checked for
 * ReDoS), `{ includes: '专精特新' }` (a list field contains), `{ exists: true }`, or a
 * plugin operator by its namespaced name.
 */
export const fieldTestSchema = z.union([
  conditionValueSchema,
  z.record(z.string().min(1).max(64), z.unknown()).refine((v) => Object.keys(v).length > 0, 'Give at least one operator, e.g. { in: [a, b] }'),
]);

/**
 * A routing condition: `all` / `any` / `not` nest; any other key is a field test, e.g.
 * `{ category: legal }`, `{ park: P01 }`, `{ text: { any: [欠款, 尾款] } }`,
 * `{ 'enterprise.size': { in: [small, micro] } }`, `{ 'attributes.amount': { gte: 10000 } }`.
 */
export type Condition =
  | {
      /** Every one of these conditions holds. */
      all: Condition[];
    }
  | {
      /** At least one of these conditions holds. */
      any: Condition[];
    }
  | {
      /** This condition does not hold. */
      not: Condition;
    }
  | Record<string, unknown>;
/** The schema of a {@link Condition}. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.record(z.string().min(1).max(100), fieldTestSchema).refine((v) => Object.keys(v).length === 1, {
      message: 'A field test names exactly one field; combine several with all: [...]',
    }),
  ]),
);

const STRATEGY = 'How the member is chosen: round_robin (the one assigned least recently), least_loaded (the fewest open requests) or a plugin strategy <plugin-id>.<name>.';

/** Who a rule assigns to. */
export const assignTargetSchema = z.union([
  /** A member by id or staff number. */
  z.strictObject({
    /** The member, by id or staff number. */
    member: refSchema.describe('The member, by id or staff number, e.g. MC-S003.'),
  }),
  /** The commissioner holding a portfolio. */
  z.strictObject({
    /** A declared portfolio id; its commissioner (专员) leads. */
    portfolio: configIdSchema.describe('A declared portfolio id; the commissioner (专员) holding it leads.'),
  }),
  /** The captain of the request's park. */
  z.strictObject({
    /** `true`: the captain (园区长) of the request's park leads; without one, the next target is tried. */
    captain: z.literal(true).describe("true: the captain (园区长) of the request's park leads. A request with no park, or a park with no captain, goes on to the fallback."),
  }),
  /** A member of a team, chosen by strategy: a built-in one or a plugin's (`<plugin-id>.<name>`). */
  z.strictObject({
    /** The team, by its directory code (e.g. `LEGAL`) or id. */
    team: refSchema.describe('The team, by its directory code (e.g. LEGAL) or id.'),
    /** How the member is chosen: `round_robin`, `least_loaded` or a plugin's strategy. @default 'round_robin' */
    strategy: z.union([z.enum(['round_robin', 'least_loaded']), pluginNameSchema]).default('round_robin').describe(STRATEGY),
  }),
  /** The station head (the triage owner). */
  z.strictObject({
    /** A member holding this role: the station head (站长) or a dispatcher. */
    role: z.enum(['station_head', 'dispatcher']).describe('A member holding this role: the station head (站长) or a dispatcher.'),
  }),
]);
/**
 * Who a rule assigns to: `{ member }`, `{ portfolio }`, `{ captain: true }`, `{ team, strategy }` or `{ role }`.
 *
 * @useDeclaredType
 */
export type AssignTarget = z.infer<typeof assignTargetSchema>;

/** An assisting unit (协办) a rule adds: a member or a team. */
export const assistTargetSchema = z.union([
  z.strictObject({
    /** The member, by id or staff number. */
    member: refSchema.describe('The member, by id or staff number.'),
  }),
  z.strictObject({
    /** The team, by its directory code or id; any of its members signs for the team's part. */
    team: refSchema.describe("The team, by its directory code or id; any of its members signs for the team's part."),
  }),
  z.strictObject({
    /** `true`: the captain of the request's park. */
    captain: z.literal(true).describe("true: the captain of the request's park."),
  }),
]);

/** The most plugin actions one rule may run. */
export const MAX_PLUGIN_ACTIONS = 20;

/**
 * Plugin routing actions a rule runs, by namespaced name, each with its argument:
 * `{ 'duplicates.flag': { days: 30 } }`. They run in the order written.
 */
export const pluginActionsSchema = z
  .record(pluginNameSchema, z.unknown())
  .refine((actions) => Object.keys(actions).length <= MAX_PLUGIN_ACTIONS, { message: `at most ${MAX_PLUGIN_ACTIONS} plugin actions per rule; split the rule` });

/** What a rule does when it matches. */
export const ruleActionsSchema = z.strictObject({
  /** Who leads the request; the first matching rule that assigns decides. */
  assign: assignTargetSchema.optional(),
  /** Assisting units (协办) to add: members, teams or the park's captain. */
  assist: z.array(assistTargetSchema).max(20).optional(),
  /** Set the priority. */
  priority: z.enum(['normal', 'urgent']).optional(),
  /** Set the SLA policy (a declared policy id). */
  sla: configIdSchema.optional(),
  /** Tags to add to the request. */
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  /** Who follows the request: members by id or staff number, or `{ captain: true }` for the captain of its park. */
  watchers: z
    .array(
      z.union([
        refSchema.describe('A member, by id or staff number.'),
        z.strictObject({
          /** `true`: the captain of the request's park. */
          captain: z.literal(true).describe("true: the captain of the request's park."),
        }),
      ]),
    )
    .max(20)
    .optional(),
  /** Plugin routing actions, e.g. `{ 'duplicates.flag': { days: 30 } }`. */
  plugins: pluginActionsSchema.optional(),
});

/** A routing rule: when its condition holds, its actions apply. */
export const ruleSchema = z.strictObject({
  /** The rule id, recorded on every decision it makes, e.g. `legal_debts`. */
  id: configIdSchema,
  /** What the rule is for, for people reading the config. */
  description: z.string().max(500).optional(),
  /** The condition. */
  when: conditionSchema,
  /** What the rule does when it matches. */
  then: ruleActionsSchema,
  /** Keep evaluating later rules after this one matched (for side actions). @default false */
  continue: z.boolean().default(false),
});
/**
 * A routing rule: an id, a condition (`when`), actions (`then`) and whether later rules still run (`continue`).
 *
 * @useDeclaredType
 */
export type Rule = z.infer<typeof ruleSchema>;

/** The office's routing: ordered rules and a required fallback. */
export const routingSchema = z.strictObject({
  /** Evaluated in order; the first matching rule that assigns decides. @default [] */
  rules: z.array(ruleSchema).max(5000).default([]),
  /** Required: where a request goes when no rule assigns it, so nothing is ever unrouted. */
  fallback: z.strictObject({
    /** Whom to assign, usually `{ role: station_head }`. */
    assign: assignTargetSchema,
  }),
});

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
 * Who a notification rule tells: one of {@link notifyRecipientKinds}, `{ role }`, `{ member }` or `{ channel }`.
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

// ---- metrics ---------------------------------------------------------------------------

const weightSchema = z.number().min(0).max(100);

/**
 * Where an office departs from the default definitions of its rates (docs/metrics.md): whether
 * 基本满意 counts as satisfied, and the weights of the composite score.
 */
export const metricsConfigSchema = z.strictObject({
  /** Whether `basically_satisfied` (基本满意) counts as satisfied. @default true */
  basicallySatisfiedCounts: z.boolean().default(true).describe('Whether basically_satisfied (基本满意) counts as satisfied in the satisfaction rate.'),
  /**
   * The weights of the response, resolution and satisfaction rates in the composite score.
   * They are used in proportion to their sum, so 30/35/35 and 0.3/0.35/0.35 mean the same.
   * @default { response: 0.3, resolution: 0.35, satisfaction: 0.35 }
   */
  weights: z
    .strictObject({
      /** The weight of the response rate (响应率). @default 0.3 */
      response: weightSchema.default(0.3).describe('The weight of the response rate (响应率).'),
      /** The weight of the resolution rate (解决率). @default 0.35 */
      resolution: weightSchema.default(0.35).describe('The weight of the resolution rate (解决率).'),
      /** The weight of the satisfaction rate (满意率). @default 0.35 */
      satisfaction: weightSchema.default(0.35).describe('The weight of the satisfaction rate (满意率).'),
    })
    .prefault({})
    .refine((w) => w.response + w.resolution + w.satisfaction > 0, { message: 'at least one weight must be above 0' })
    .describe('The weights of the three rates in the composite score, used in proportion to their sum: 30/35/35 and 0.3/0.35/0.35 mean the same.'),
});
/**
 * How an office's rates are defined, validated: whether 基本满意 counts as satisfied, and the composite weights.
 *
 * @useDeclaredType
 */
export type MetricsConfig = z.output<typeof metricsConfigSchema>;

const CALENDAR =
  'The working calendar time limits are counted in: time zone, office hours, weekend, holidays and make-up workdays (调休). Left out, the mainland calendar in Asia/Shanghai, 08:30-12:00 and 13:30-17:30.';

/** The office config document. */
export const officeConfigSchema = z.strictObject({
  /** The config format version. */
  version: z.literal(1).default(1),
  /** The office's portfolios (分管领域). @default [] */
  portfolios: z.array(portfolioSchema).max(50).default([]),
  /** Teams rules may assign to or ask for assistance. @default [] */
  teams: z.array(teamRefSchema).max(200).default([]),
  /** The request categories (诉求类别). @default [] */
  categories: z.array(categorySchema).max(500).default([]),
  /** The SLA policies categories and rules may name. @default [] */
  slaPolicies: z.array(slaPolicyRefSchema).max(100).default([]),
  /** The SLA policy of requests whose category and rules name none. */
  defaultSla: configIdSchema.optional().describe('The SLA policy (a declared SLA policy id) of requests whose rules and category name none. Without it, such requests have no time limits.'),
  /** The working calendar deadlines are counted in; `{}` is the mainland calendar, Asia/Shanghai. */
  calendar: calendarConfigSchema.prefault({}).describe(CALENDAR),
  /**
   * Who is told what. Without it, notifications go out over the community's notifiers only
   * (`createCommunity({ notifiers })`), by the default rules.
   */
  notifications: notificationsSchema.optional().describe("Who is told what, over which channels, in which words. Left out, the default rules and the community's notifiers hold."),
  /** How the office's rates are defined where it departs from the defaults. */
  metrics: metricsConfigSchema.optional().describe("Where the office's rates depart from the default definitions."),
  /** How requests find their lead: ordered rules and a required fallback. */
  routing: routingSchema,
});

/**
 * A config document as written (defaults not yet applied).
 *
 * @useDeclaredType
 */
export type OfficeConfigInput = z.input<typeof officeConfigSchema>;
/**
 * A validated config document, with defaults applied.
 *
 * @useDeclaredType
 */
export type OfficeConfig = z.output<typeof officeConfigSchema>;
/**
 * One SLA policy, validated.
 *
 * @useDeclaredType
 */
export type SlaPolicy = OfficeConfig['slaPolicies'][number];
