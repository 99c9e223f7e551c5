import { z } from 'zod';
import { priorities } from '../model/request.js';
import { configIdSchema, pluginNameSchema, refSchema } from './config-primitives.js';

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
