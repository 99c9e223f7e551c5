import { z } from 'zod';
import { calendarConfigSchema } from '../calendar/calendar-schema.js';
import { channels, priorities } from '../model/request.js';
import { configIdSchema, labelsSchema, refSchema } from './config-primitives.js';
import { notificationsSchema } from './notifications-schema.js';
import { routingSchema } from './routing-schema.js';

/**
 * The office config: one document (YAML or JSON, `kechuang.config.yaml` by convention) that
 * holds an office's policy — portfolios, teams, request categories, SLA policy names and the
 * routing rules. Who holds a portfolio or belongs to a team is directory data, not config;
 * rules refer to portfolios, teams, parks and members by id or code.
 *
 * Every object is strict: an unknown key is an error (with a "did you mean" when one is close).
 */

// The routing and notifications sections live in their own files; every schema is exported
// from here, so importers need one path.
export * from './config-primitives.js';
export * from './routing-schema.js';
export * from './notifications-schema.js';

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
