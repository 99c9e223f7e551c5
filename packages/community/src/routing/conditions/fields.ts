import { enterpriseSizes } from '../../model/enterprise.js';
import { channels, priorities } from '../../model/request.js';
import type { EvaluationContext } from './evaluation-context.js';

/**
 * The fields a routing condition can test, and how to read each from the request's facts.
 *
 * The shape of a field's value decides how operators treat it, and is known when the rule is
 * compiled, so each test is specialised once instead of inspecting the value on every request.
 */

/**
 * - `scalar`: one string (or nothing);
 * - `record`: a directory record matched by its id OR its code (community, park, building);
 * - `list`: a list of strings (tags); equality means "contains";
 * - `dynamic`: a custom attribute, whose shape is only known per request.
 */
export type FieldKind = 'scalar' | 'record' | 'list' | 'dynamic';

/** The parts of the request text that keyword tests share one scan of. */
export type TextSource = 'title' | 'description' | 'text';

/** One testable field. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** The value tested; null, undefined and an empty list count as missing. */
  get(context: EvaluationContext): unknown;
  /** Whether a number can ever be here (`gt`, `gte`, `lt`, `lte` need one). */
  readonly numeric: boolean;
  /** Whether a list can ever be here (`includes` needs one). */
  readonly listy: boolean;
  /** The values the field can take, when the SDK fixes them (for "did you mean"). */
  readonly values?: readonly string[];
  /** For the request text: keyword tests use the context's shared scan. */
  readonly textSource?: TextSource;
}

/** The prefix of custom attribute fields, e.g. `attributes.amount`. */
export const ATTRIBUTES_PREFIX = 'attributes.';

const STATIC_FIELDS: readonly FieldSpec[] = [
  { name: 'category', kind: 'scalar', numeric: false, listy: false, get: (c) => c.facts.category },
  { name: 'channel', kind: 'scalar', numeric: false, listy: false, values: channels, get: (c) => c.facts.channel },
  { name: 'priority', kind: 'scalar', numeric: false, listy: false, values: priorities, get: (c) => c.facts.priority },
  { name: 'community', kind: 'record', numeric: false, listy: false, get: (c) => c.facts.community },
  { name: 'park', kind: 'record', numeric: false, listy: false, get: (c) => c.facts.park },
  { name: 'building', kind: 'record', numeric: false, listy: false, get: (c) => c.facts.building },
  { name: 'enterprise.industry', kind: 'scalar', numeric: false, listy: false, get: (c) => c.facts.enterprise?.industry },
  {
    name: 'enterprise.size',
    kind: 'scalar',
    numeric: false,
    listy: false,
    values: enterpriseSizes,
    get: (c) => c.facts.enterprise?.size,
  },
  { name: 'enterprise.tags', kind: 'list', numeric: false, listy: true, get: (c) => c.facts.enterprise?.tags },
  { name: 'text', kind: 'scalar', numeric: false, listy: false, textSource: 'text', get: (c) => c.text() },
  { name: 'title', kind: 'scalar', numeric: false, listy: false, textSource: 'title', get: (c) => c.facts.title },
  { name: 'description', kind: 'scalar', numeric: false, listy: false, textSource: 'description', get: (c) => c.facts.description },
  { name: 'tags', kind: 'list', numeric: false, listy: true, get: (c) => c.facts.tags },
  // Time of submission, in the office's working calendar: e.g. out-of-hours requests to a duty officer.
  { name: 'submitted.in_office_hours', kind: 'scalar', numeric: false, listy: false, get: (c) => c.facts.submitted?.inOfficeHours },
  { name: 'submitted.working_day', kind: 'scalar', numeric: false, listy: false, get: (c) => c.facts.submitted?.workingDay },
  { name: 'submitted.holiday', kind: 'scalar', numeric: false, listy: false, get: (c) => c.facts.submitted?.holiday },
];

const BY_NAME = new Map(STATIC_FIELDS.map((field) => [field.name, field]));

/** The names of the fields every config can test (custom attributes come on top). */
export const FIELD_NAMES: readonly string[] = STATIC_FIELDS.map((field) => field.name);

/**
 * The field called `name`, or null when there is none. `attributes.<code>` is a field for any
 * code; whether a category declares the code is the checker's business.
 *
 * @example
 * ```ts
 * fieldSpec('park')?.kind;              // 'record'
 * fieldSpec('attributes.amount')?.kind; // 'dynamic'
 * fieldSpec('catgory');                 // null
 * ```
 */
export function fieldSpec(name: string): FieldSpec | null {
  const known = BY_NAME.get(name);
  if (known) return known;
  if (!name.startsWith(ATTRIBUTES_PREFIX) || name.length === ATTRIBUTES_PREFIX.length) return null;
  const code = name.slice(ATTRIBUTES_PREFIX.length);
  return {
    name,
    kind: 'dynamic',
    numeric: true,
    listy: true,
    // Own keys only: `attributes.constructor` must not find Object.prototype.constructor.
    get: (c) => (Object.hasOwn(c.facts.attributes, code) ? c.facts.attributes[code] : undefined),
  };
}

/**
 * Whether a field's value counts as missing: a test on it fails (except `exists: false`, `ne`,
 * `not_in`). An empty list is missing too: it contains nothing, and `exists` on tags should
 * mean "has tags".
 *
 * @example
 * ```ts
 * isMissing(null); // true
 * isMissing([]);   // true
 * isMissing('');   // false (an empty description is still a description)
 * ```
 */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}
