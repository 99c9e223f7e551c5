import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseOfficeConfig } from './parse-config.js';
import { assertOfficeConfig, validateOfficeConfig } from './validate-config.js';
import { outcome } from './__fixtures__/fuzz-support.js';

/**
 * Property: random values and random text never crash the loader. Each either loads or
 * throws VALIDATION_FAILED listing well-formed problems (with positions inside the text).
 */

const RUNS = 1000;

/** Keys the config uses, so random documents reach deep into the schema. */
const KEYS = [
  'version', 'portfolios', 'teams', 'categories', 'slaPolicies', 'routing', 'rules', 'fallback', 'assign', 'assist',
  'id', 'code', 'labels', 'zh-CN', 'en', 'when', 'then', 'continue', 'description', 'all', 'any', 'not', 'category',
  'channel', 'park', 'text', 'attributes.amount', 'enterprise.size', 'in', 'gte', 'regex', 'includes', 'exists', 'team',
  'strategy', 'role', 'member', 'portfolio', 'captain', 'type', 'values', 'required', 'sla', 'priority', 'tags',
  'watchers', 'attributes', 'asign', 'rulez', '__proto__', 'constructor',
] as const;

const scalar = fc.oneof(
  fc.constantFrom('station_head', 'round_robin', 'legal', 'LEGAL', 'economic_development', 'urgent', 'single', 'number', '(a+)+$', '', 'Bad Id', 'x'.repeat(70)),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const configLike = fc.letrec((tie) => ({
  node: fc.oneof(
    { maxDepth: 7, depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('node'), { maxKeys: 5 }),
  ),
})).node;

/** Mostly-valid skeletons with random holes, to get past the first checks. */
const skeleton = fc.record({
  version: fc.oneof(fc.constant(1), configLike),
  portfolios: fc.array(fc.record({ id: fc.oneof(fc.constantFrom('a', 'b', 'economic_development'), configLike), labels: configLike }), { maxLength: 3 }),
  categories: fc.array(fc.record({ id: fc.constantFrom('legal', 'policy', 'legal'), portfolio: fc.constantFrom('a', 'zz'), attributes: configLike }), { maxLength: 3 }),
  routing: fc.record({
    rules: fc.array(fc.record({ id: fc.constantFrom('r1', 'r2', 'r1'), when: configLike, then: configLike }), { maxLength: 4 }),
    fallback: fc.oneof(fc.constant({ assign: { role: 'station_head' } }), configLike),
  }),
});

/** Configs assembled from valid fragments, with references that may or may not resolve. */
const labels = fc.record({ 'zh-CN': fc.constantFrom('经济发展', '法律服务', '综合治理'), en: fc.constantFrom('Economy', 'Legal', 'Governance') });
const portfolioId = fc.constantFrom('economic_development', 'comprehensive_governance', 'public_affairs', 'party_building');
const categoryId = fc.constantFrom('legal', 'policy', 'talent', 'facilities', 'finance');
const leaf = fc.oneof(
  categoryId.map((category) => ({ category })),
  fc.constantFrom('phone', 'visit', 'captain_report').map((channel) => ({ channel })),
  fc.constantFrom('欠款', '尾款', '招聘').map((word) => ({ text: { any: [word] } })),
  fc.constant({ 'enterprise.size': { in: ['small', 'micro'] } }),
  fc.integer({ min: 0, max: 100000 }).map((gte) => ({ 'attributes.amount': { gte } })),
);
const condition = fc.letrec((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;
const target = fc.oneof(
  portfolioId.map((portfolio) => ({ portfolio })),
  fc.constant({ team: 'LEGAL', strategy: 'least_loaded' }),
  fc.constant({ captain: true }),
  fc.constant({ role: 'station_head' }),
  fc.constant({ member: 'S0001' }),
);
const plausible = fc.record(
  {
    portfolios: fc.uniqueArray(portfolioId, { maxLength: 4 }).chain((ids) => fc.tuple(...ids.map((id) => labels.map((l) => ({ id, labels: l }))))),
    teams: fc.constant([{ code: 'LEGAL', labels: { 'zh-CN': '法律', en: 'Legal' } }]),
    categories: fc.array(fc.record({ id: categoryId, labels, portfolio: portfolioId }, { requiredKeys: ['id', 'labels'] }), { maxLength: 4 }),
    routing: fc.record({
      rules: fc.array(
        fc.record({ id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'), when: condition, then: fc.record({ assign: target, tags: fc.constant(['t']) }, { requiredKeys: [] }), continue: fc.boolean() }),
        { maxLength: 5 },
      ),
      fallback: target.map((assign) => ({ assign })),
    }),
  },
  { requiredKeys: ['routing'] },
);

const TOKENS = ['{', '}', '[', ']', ':', ': ', '- ', ', ', ' ', '  ', '\n', '\t', '"', "'", '#', '&a ', '*a', '!!str ', '!x ', '? ', '|', '>', '---', '...', '%YAML 1.2', 'routing', 'fallback', 'assign', 'role', 'station_head', 'rules', 'id', '1', 'null', '~', '\\u', '\r\n', '\uFEFF', '汉字'];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

describe('fuzz: random values and text never crash the loader', () => {
  it('validates random JSON values (and their JSON and YAML text) without crashing', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }), configLike, skeleton), (value) => {
        const direct = validateOfficeConfig(value);
        const asserted = outcome(() => assertOfficeConfig(value));
        expect(asserted.loaded).toBe(direct.ok);
        const json = JSON.stringify(value) ?? 'null';
        outcome(() => parseOfficeConfig(json, { format: 'json' }), json);
        const yaml = stringify(value);
        outcome(() => parseOfficeConfig(yaml, { format: 'yaml' }), yaml);
      }),
      { numRuns: RUNS },
    );
  });

  it('parses random strings as YAML, as JSON and auto-detected without crashing', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), tokenSoup), (text) => {
        outcome(() => parseOfficeConfig(text), text);
        outcome(() => parseOfficeConfig(text, { format: 'json', filename: 'x.json' }), text);
        outcome(() => parseOfficeConfig(text, { format: 'yaml' }), text);
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees between objects, YAML and JSON, and loads whatever it accepts into a config that validates again unchanged', { timeout: 120_000 }, () => {
    let loaded = 0;
    fc.assert(
      fc.property(plausible, (value) => {
        const first = validateOfficeConfig(value);
        const yaml = stringify(value);
        const json = JSON.stringify(value, null, 2);
        const fromYaml = outcome(() => parseOfficeConfig(yaml), yaml);
        const fromJson = outcome(() => parseOfficeConfig(json), json);
        expect([fromYaml.loaded, fromJson.loaded]).toEqual([first.ok, first.ok]);
        if (!first.ok) {
          // The same problems, wherever the document came from.
          const paths = first.problems.map((p) => JSON.stringify(p.path)).sort();
          if (!fromYaml.loaded) expect(fromYaml.issues.map((i) => JSON.stringify(i.path)).sort()).toEqual(paths);
          return;
        }
        loaded += 1;
        expect(parseOfficeConfig(yaml)).toEqual(first.config);
        expect(validateOfficeConfig(first.config)).toEqual(first);
      }),
      { numRuns: RUNS },
    );
    expect(loaded).toBeGreaterThan(RUNS / 10);
  });
});
