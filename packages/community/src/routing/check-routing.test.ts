import { describe, expect, it } from 'vitest';
import type { Condition, OfficeConfig, OfficeConfigInput } from '../config/config-schema.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { config } from './__fixtures__/routing-facts.js';
import { checkRouting } from './check-routing.js';
import type { OperatorDefinition } from './types.js';

type Rules = NonNullable<OfficeConfigInput['routing']['rules']>;
type When = Condition;

const withRules = (rules: Rules, extra: Partial<OfficeConfigInput> = {}): OfficeConfig => config({ rules, fallback: { assign: { role: 'station_head' } } }, extra);
const oneRule = (when: When): OfficeConfig => withRules([{ id: 'r', when, then: { assign: { team: 'LEGAL' } } }]);
const problems = (when: When): ReturnType<typeof checkRouting> => checkRouting(oneRule(when));

describe('checkRouting', () => {
  it('accepts a valid config', () => {
    const valid = withRules([
      { id: 'legal', when: { any: [{ category: 'legal' }, { text: { any: ['欠款', '尾款'] } }] }, then: { assign: { team: 'LEGAL' } } },
      { id: 'talent', when: { all: [{ category: { in: ['talent', 'policy'] } }, { 'enterprise.size': { not_in: ['large'] } }] }, then: { assign: { portfolio: 'economic_development' }, sla: 'assistance' } },
      { id: 'big', when: { 'attributes.amount': { gte: 10000, lt: 50000 } }, then: { priority: 'urgent' }, continue: true },
      { id: 'debtors', when: { 'attributes.debtors': { includes: '政府' } }, then: { tags: ['涉政府'] }, continue: true },
      { id: 'regex', when: { title: { regex: '合同(纠纷|违约)' } }, then: { assign: { member: 'MC-S001' } } },
    ]);
    expect(checkRouting(valid)).toEqual([]);
  });

  it('reports an unknown field with the closest known one', () => {
    expect(problems({ all: [{ category: 'legal' }, { catgory: 'legal' }] })).toEqual([
      { path: ['routing', 'rules', 0, 'when', 'all', 1, 'catgory'], code: 'unknown_field', message: expect.stringContaining('unknown field "catgory"'), suggestion: 'category' },
    ]);
    expect(problems({ 'enterprise.tag': '专精特新' })[0]).toMatchObject({ code: 'unknown_field', suggestion: 'enterprise.tags' });
    expect(problems({ colour: 'red' })[0]).not.toHaveProperty('suggestion');
  });

  it('reports an unknown operator with the closest one', () => {
    expect(problems({ 'attributes.amount': { gtee: 5 } })).toEqual([
      { path: ['routing', 'rules', 0, 'when', 'attributes.amount', 'gtee'], code: 'unknown_operator', message: expect.stringContaining('unknown operator "gtee"'), suggestion: 'gte' },
    ]);
    expect(problems({ text: { any_of: ['x'] } })[0]).toMatchObject({ code: 'unknown_operator', suggestion: 'all_of' });
    expect(problems({ park: { 'geo.within': ['P01'] } })[0]).toMatchObject({ code: 'unknown_operator', message: expect.stringContaining('no plugin registers') });
  });

  it('reports wrong argument types', () => {
    const cases: [When, (string | number)[]][] = [
      [{ category: { in: [] } }, ['category', 'in']],
      [{ category: { in: 'legal' } }, ['category', 'in']],
      [{ category: { in: ['legal', { x: 1 }] } }, ['category', 'in', 1]],
      [{ 'attributes.amount': { gte: '10000' } }, ['attributes.amount', 'gte']],
      [{ text: { any: [] } }, ['text', 'any']],
      [{ text: { any: ['欠款', 3] } }, ['text', 'any', 1]],
      [{ text: { all_of: ['a\nb'] } }, ['text', 'all_of', 0]],
      [{ tags: { exists: 'yes' } }, ['tags', 'exists']],
      [{ title: { regex: 5 } }, ['title', 'regex']],
      [{ channel: { eq: ['phone'] } }, ['channel', 'eq']],
    ];
    for (const [when, tail] of cases) {
      expect(problems(when), JSON.stringify(when)).toEqual([{ path: ['routing', 'rules', 0, 'when', ...tail], code: 'invalid_argument', message: expect.any(String) }]);
    }
  });

  it('refuses regular expressions that could take exponential time, and invalid ones', () => {
    expect(problems({ all: [{ category: 'legal' }, { text: { regex: '(a+)+$' } }] })).toEqual([
      { path: ['routing', 'rules', 0, 'when', 'all', 1, 'text', 'regex'], code: 'unsafe_regex', message: expect.stringContaining('exponential') },
    ]);
    expect(problems({ text: { regex: '(x*)*y' } })[0]?.code).toBe('unsafe_regex');
    expect(problems({ text: { regex: '合同(' } })[0]).toMatchObject({ code: 'invalid_regex', path: ['routing', 'rules', 0, 'when', 'text', 'regex'] });
  });

  it('reports operators that cannot apply to the field', () => {
    expect(problems({ category: { gte: 3 } })[0]).toMatchObject({ code: 'operator_not_applicable', path: ['routing', 'rules', 0, 'when', 'category', 'gte'] });
    expect(problems({ park: { includes: 'P01' } })[0]?.code).toBe('operator_not_applicable');
    expect(problems({ 'attributes.topic': { gt: 3 } })[0]).toMatchObject({ code: 'operator_not_applicable', message: expect.stringContaining('declared as string') });
    expect(problems({ 'attributes.amount': { includes: '3' } })[0]?.code).toBe('operator_not_applicable');
  });

  it('reports undeclared categories, attributes and impossible values', () => {
    expect(problems({ category: 'legl' })).toEqual([
      { path: ['routing', 'rules', 0, 'when', 'category'], code: 'unknown_reference', message: expect.stringContaining('unknown category "legl"'), suggestion: 'legal' },
    ]);
    expect(problems({ category: { in: ['legal', 'polcy'] } })[0]).toMatchObject({ path: ['routing', 'rules', 0, 'when', 'category', 'in', 1], suggestion: 'policy' });
    expect(problems({ 'attributes.amout': { gte: 1 } })[0]).toMatchObject({ code: 'unknown_attribute', suggestion: 'attributes.amount' });
    expect(problems({ channel: 'phnoe' })[0]).toMatchObject({ code: 'unknown_value', suggestion: 'phone' });
    expect(problems({ 'enterprise.size': { not_in: ['tiny'] } })[0]).toMatchObject({ code: 'unknown_value', path: ['routing', 'rules', 0, 'when', 'enterprise.size', 'not_in', 0] });
  });

  it('does not check categories and attributes when the config declares none', () => {
    const bare = withRules([{ id: 'r', when: { all: [{ category: 'anything' }, { 'attributes.whatever': { gte: 1 } }] }, then: { priority: 'urgent' } }], { categories: [] });
    expect(checkRouting(bare)).toEqual([]);
  });

  it('reports duplicate rule ids, empty actions and undeclared portfolios and SLA policies', () => {
    const bad = withRules([
      { id: 'a', when: { category: 'legal' }, then: {} },
      { id: 'b', when: { category: 'legal' }, then: { assign: { portfolio: 'economic_developement' }, sla: 'assistence' } },
      { id: 'a', when: { category: 'legal' }, then: { tags: [] } },
    ]);
    const found = checkRouting({ ...bad, routing: { ...bad.routing, fallback: { assign: { portfolio: 'party' } } } });
    expect(found).toEqual([
      { path: ['routing', 'rules', 0, 'then'], code: 'empty_actions', message: expect.any(String) },
      { path: ['routing', 'rules', 1, 'then', 'assign', 'portfolio'], code: 'unknown_reference', message: expect.any(String), suggestion: 'economic_development' },
      { path: ['routing', 'rules', 1, 'then', 'sla'], code: 'unknown_reference', message: expect.any(String), suggestion: 'assistance' },
      { path: ['routing', 'rules', 2, 'id'], code: 'duplicate_rule_id', message: expect.stringContaining('routing.rules[0]') },
      { path: ['routing', 'rules', 2, 'then'], code: 'empty_actions', message: expect.any(String) },
      { path: ['routing', 'fallback', 'assign', 'portfolio'], code: 'unknown_reference', message: expect.any(String) },
    ]);
  });

  it('reports every problem at once, across rules', () => {
    const bad = withRules([
      { id: 'a', when: { all: [{ catgory: 'legal' }, { text: { regex: '(a+)+' } }] }, then: { assign: { team: 'LEGAL' } } },
      { id: 'b', when: { any: [{ park: { gtee: 1 } }, { not: { channel: 'fax' } }] }, then: { assign: { team: 'LEGAL' } } },
    ]);
    expect(checkRouting(bad).map((p) => p.code)).toEqual(['unknown_field', 'unsafe_regex', 'unknown_operator', 'unknown_value']);
  });

  it('reports malformed condition nodes (from documents that skipped the schema)', () => {
    const raw = oneRule({ category: 'legal' });
    const broken = { ...raw, routing: { ...raw.routing, rules: [{ ...raw.routing.rules[0]!, when: { all: [] } as unknown as When }] } };
    expect(checkRouting(broken)[0]).toMatchObject({ code: 'invalid_condition', path: ['routing', 'rules', 0, 'when'] });
    const two = { ...raw, routing: { ...raw.routing, rules: [{ ...raw.routing.rules[0]!, when: { category: 'legal', park: 'P01' } }] } };
    expect(checkRouting(two)[0]).toMatchObject({ code: 'invalid_condition', message: expect.stringContaining('all: [...]') });
    const list = { ...raw, routing: { ...raw.routing, rules: [{ ...raw.routing.rules[0]!, when: { tags: ['a', 'b'] } }] } };
    expect(checkRouting(list)[0]).toMatchObject({ code: 'invalid_argument', path: ['routing', 'rules', 0, 'when', 'tags'] });
  });

  it('checks plugin operators with their validate(), and refuses badly named ones', () => {
    const within: OperatorDefinition = { name: 'geo.within', validate: (a) => (Array.isArray(a) ? null : 'needs a list of parks'), test: () => true };
    expect(checkRouting(oneRule({ park: { 'geo.within': ['P01'] } }), { operators: [within] })).toEqual([]);
    expect(checkRouting(oneRule({ park: { 'geo.within': 'P01' } }), { operators: [within] })).toEqual([
      { path: ['routing', 'rules', 0, 'when', 'park', 'geo.within'], code: 'invalid_argument', message: 'geo.within: needs a list of parks' },
    ]);
    expect(checkRouting(oneRule({ park: { 'geo.withn': [] } }), { operators: [within] })[0]?.suggestion).toBe('geo.within');
    for (const bad of [{ name: 'within', test: () => true }, { name: 'in', test: () => true }]) {
      expect(() => checkRouting(oneRule({ park: 'P01' }), { operators: [bad] })).toSatisfy((fn: () => unknown) => {
        try {
          fn();
          return false;
        } catch (error) {
          return isKechuangError(error, 'PLUGIN_ERROR');
        }
      });
    }
    expect(() => checkRouting(oneRule({ park: 'P01' }), { operators: [within, within] })).toThrowError(/twice/);
  });
});
