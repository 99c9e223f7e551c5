/**
 * What each routing condition field and operator means, for docs/configuration.md. The JSON
 * Schema lists their names (so editors complete them) but carries no text for them; these
 * notes supply it. scripts/config-docs.ts refuses to render when a name in the schema has no
 * note here, or a note names something the schema does not have.
 */

/** One note per field a condition can test (`packages/community/src/routing/conditions/fields.ts`). */
export const CONDITION_FIELD_NOTES: Readonly<Record<string, string>> = {
  category: 'The category id the request was submitted with, e.g. `legal`.',
  channel: 'How the request came in (渠道): `phone`, `visit`, `captain_report`, `walk_in`, `online` or `hotline_12345`.',
  priority: 'The priority it was submitted with: `normal` or `urgent`. A rule that sets a priority does not change what later rules test.',
  community: "The request's community (社区), by code or id.",
  park: "The request's park (园区), by code (e.g. `P01`) or id. Missing when the request names no park.",
  building: "The request's building (楼宇), by code (e.g. `P01-B02`) or id.",
  'enterprise.industry': "The enterprise's industry, e.g. `人工智能`.",
  'enterprise.size': "The enterprise's size band: `micro`, `small`, `medium` or `large`.",
  'enterprise.tags': "The enterprise's labels, e.g. `专精特新`. A list: a value or `in` passes when the list holds it.",
  text: 'The title and the description together: keyword operators pass when either holds the keyword.',
  title: "The request's title alone.",
  description: "The request's description alone.",
  tags: 'The tags the request was submitted with (tags added by rules are not tested). A list, like `enterprise.tags`.',
  'submitted.in_office_hours': '`true` when the request came in while the office was open: a working day, inside office hours.',
  'submitted.working_day': '`true` when it came in on a working day; make-up workdays (调休) count, holidays do not.',
  'submitted.holiday': '`true` when it came in on a listed holiday (法定节假日); an ordinary weekend is not one.',
};

/** One note per built-in operator (`packages/community/src/routing/conditions/operators.ts`). */
export const CONDITION_OPERATOR_NOTES: Readonly<Record<string, string>> = {
  eq: 'The value equals the argument. A park, building or community matches by code or id; a list passes when it holds the argument.',
  ne: 'The value does not equal the argument; also passes when the field is missing.',
  in: 'The value is one of the listed values; a list passes when it holds any of them.',
  not_in: 'The value is none of the listed values; also passes when the field is missing.',
  gt: 'The value is a number greater than the argument.',
  gte: 'The value is a number greater than or equal to the argument.',
  lt: 'The value is a number less than the argument.',
  lte: 'The value is a number less than or equal to the argument.',
  any: 'The text holds at least one of the listed keywords (plain substrings; case is ignored; Chinese needs no word breaks).',
  all_of: 'The text holds every one of the listed keywords.',
  regex: 'The text matches the regular expression, case ignored. Patterns that could take exponential time, e.g. `(a+)+`, are refused when the config is checked.',
  includes: 'The same test as `eq`, written for lists: `{ enterprise.tags: { includes: 专精特新 } }`.',
  exists: '`true`: the field has a value (an empty list has none). `false`: it has none.',
};
