import { describe, expect, it } from 'vitest';
import type { Condition } from '../../config/config-schema.js';
import { isKechuangError } from '../../errors/kechuang-error.js';
import { facts } from '../__fixtures__/routing-facts.js';
import type { OperatorDefinition, RoutingFacts } from '../types.js';
import { compileCondition } from './compile-condition.js';

const holds = (condition: Condition, f: RoutingFacts = facts(), operators: OperatorDefinition[] = []): boolean => {
  const compiled = compileCondition(condition, { operators });
  const result = compiled.test(f);
  // The tracing twin must always agree with the fast test.
  expect(compiled.trace(f).passed).toBe(result);
  return result;
};

const noEnterprise = facts({ enterprise: null, park: null, building: null });

describe('scalar fields: category, channel, priority, enterprise.industry, enterprise.size', () => {
  it.each([
    ['category', 'policy', 'legal'],
    ['channel', 'phone', 'visit'],
    ['priority', 'normal', 'urgent'],
    ['enterprise.industry', '数字经济', '人工智能'],
    ['enterprise.size', 'small', 'micro'],
  ])('%s: a scalar test, eq, ne, in, not_in', (field, actual, other) => {
    expect(holds({ [field]: actual })).toBe(true);
    expect(holds({ [field]: other })).toBe(false);
    expect(holds({ [field]: { eq: actual } })).toBe(true);
    expect(holds({ [field]: { eq: other } })).toBe(false);
    expect(holds({ [field]: { ne: other } })).toBe(true);
    expect(holds({ [field]: { ne: actual } })).toBe(false);
    expect(holds({ [field]: { in: [other, actual] } })).toBe(true);
    expect(holds({ [field]: { in: [other] } })).toBe(false);
    expect(holds({ [field]: { not_in: [other] } })).toBe(true);
    expect(holds({ [field]: { not_in: [actual, other] } })).toBe(false);
  });

  it('enterprise fields are missing without an enterprise: tests fail except ne, not_in and exists: false', () => {
    for (const [field, x] of [['enterprise.industry', '数字经济'], ['enterprise.size', 'small'], ['enterprise.tags', '专精特新']] as const) {
      expect(holds({ [field]: x }, noEnterprise)).toBe(false);
      expect(holds({ [field]: { in: [x] } }, noEnterprise)).toBe(false);
      expect(holds({ [field]: { any: [x] } }, noEnterprise)).toBe(false);
      expect(holds({ [field]: { ne: x } }, noEnterprise)).toBe(true);
      expect(holds({ [field]: { not_in: [x] } }, noEnterprise)).toBe(true);
      expect(holds({ [field]: { exists: false } }, noEnterprise)).toBe(true);
      expect(holds({ [field]: { exists: true } }, noEnterprise)).toBe(false);
    }
  });

  it('a null industry is missing', () => {
    const f = facts({ enterprise: { id: 'e', code: 'E', industry: null, size: null, tags: [] } });
    expect(holds({ 'enterprise.industry': { exists: true } }, f)).toBe(false);
    expect(holds({ 'enterprise.size': { ne: 'small' } }, f)).toBe(true);
  });
});

describe('records: community, park, building match by id or code', () => {
  it.each([
    ['community', 'c-mc', 'MC'],
    ['park', 'p-01', 'P01'],
    ['building', 'b-01-02', 'P01-B02'],
  ])('%s', (field, id, code) => {
    expect(holds({ [field]: code })).toBe(true);
    expect(holds({ [field]: id })).toBe(true);
    expect(holds({ [field]: 'nope' })).toBe(false);
    expect(holds({ [field]: { in: ['x', id] } })).toBe(true);
    expect(holds({ [field]: { in: ['x', code] } })).toBe(true);
    expect(holds({ [field]: { ne: code } })).toBe(false);
    expect(holds({ [field]: { ne: id } })).toBe(false);
    expect(holds({ [field]: { not_in: ['x'] } })).toBe(true);
    expect(holds({ [field]: { exists: true } })).toBe(true);
  });

  it('a request without a park: park tests fail, except ne / not_in / exists: false', () => {
    expect(holds({ park: 'P01' }, noEnterprise)).toBe(false);
    expect(holds({ park: { ne: 'P01' } }, noEnterprise)).toBe(true);
    expect(holds({ park: { not_in: ['P01'] } }, noEnterprise)).toBe(true);
    expect(holds({ park: { exists: false } }, noEnterprise)).toBe(true);
    expect(holds({ building: { exists: true } }, noEnterprise)).toBe(false);
  });

  it('regex and keywords look at both the id and the code', () => {
    expect(holds({ park: { regex: '^P0[1-5]$' } })).toBe(true);
    expect(holds({ park: { regex: '^P1' } })).toBe(false);
    expect(holds({ building: { any: ['-B02'] } })).toBe(true);
  });
});

describe('lists: tags, enterprise.tags (equality means contains)', () => {
  const tagged = facts({ tags: ['园区长上报', 'VIP'] });
  it.each([['tags'], ['enterprise.tags']])('%s', (field) => {
    const f = field === 'tags' ? facts({ tags: ['高新技术企业', '专精特新'] }) : facts();
    expect(holds({ [field]: '专精特新' }, f)).toBe(true);
    expect(holds({ [field]: '规上企业' }, f)).toBe(false);
    expect(holds({ [field]: { includes: '专精特新' } }, f)).toBe(true);
    expect(holds({ [field]: { includes: '规上企业' } }, f)).toBe(false);
    expect(holds({ [field]: { eq: '高新技术企业' } }, f)).toBe(true);
    expect(holds({ [field]: { ne: '高新技术企业' } }, f)).toBe(false);
    expect(holds({ [field]: { in: ['规上企业', '专精特新'] } }, f)).toBe(true);
    expect(holds({ [field]: { in: ['规上企业'] } }, f)).toBe(false);
    expect(holds({ [field]: { not_in: ['规上企业'] } }, f)).toBe(true);
    expect(holds({ [field]: { not_in: ['专精特新'] } }, f)).toBe(false);
    expect(holds({ [field]: { any: ['专精'] } }, f)).toBe(true);
    expect(holds({ [field]: { all_of: ['专精', '高新'] } }, f)).toBe(true);
    expect(holds({ [field]: { all_of: ['专精', '规上'] } }, f)).toBe(false);
  });

  it('an empty list is missing', () => {
    expect(holds({ tags: { exists: true } })).toBe(false);
    expect(holds({ tags: { exists: false } })).toBe(true);
    expect(holds({ tags: { ne: 'VIP' } })).toBe(true);
    expect(holds({ tags: { exists: true } }, tagged)).toBe(true);
    expect(holds({ tags: { any: ['vip'] } }, tagged)).toBe(true);
  });
});

describe('text, title, description: keywords and regex', () => {
  const debt = facts({ title: '项目尾款未结', description: '40 多个项目没有签合同，只有聊天记录。Contract missing.' });

  it('any: plain substring, Chinese without segmentation, case-insensitive for Latin letters', () => {
    expect(holds({ text: { any: ['欠款', '尾款'] } }, debt)).toBe(true);
    expect(holds({ text: { any: ['欠款', '拖欠'] } }, debt)).toBe(false);
    expect(holds({ text: { any: ['CONTRACT'] } }, debt)).toBe(true);
    expect(holds({ text: { any: ['contract missing'] } }, debt)).toBe(true);
    expect(holds({ title: { any: ['尾款'] } }, debt)).toBe(true);
    expect(holds({ title: { any: ['聊天记录'] } }, debt)).toBe(false);
    expect(holds({ description: { any: ['聊天记录'] } }, debt)).toBe(true);
    expect(holds({ description: { any: ['尾款'] } }, debt)).toBe(false);
  });

  it('all_of: every keyword, anywhere in the text', () => {
    expect(holds({ text: { all_of: ['尾款', '合同'] } }, debt)).toBe(true);
    expect(holds({ text: { all_of: ['尾款', '律师'] } }, debt)).toBe(false);
    expect(holds({ title: { all_of: ['尾款', '合同'] } }, debt)).toBe(false);
    expect(holds({ description: { all_of: ['合同', 'contract'] } }, debt)).toBe(true);
  });

  it('keywords may overlap and repeat, and regex characters in keywords are literal', () => {
    const f = facts({ title: '拖欠款 (a+b)', description: '' });
    expect(holds({ text: { all_of: ['拖欠', '欠款', '拖欠款'] } }, f)).toBe(true);
    expect(holds({ text: { any: ['(a+b)'] } }, f)).toBe(true);
    expect(holds({ text: { any: ['a+'] } }, f)).toBe(true);
    expect(holds({ text: { any: ['.*'] } }, f)).toBe(false);
  });

  it('a keyword never spans the line between title and description', () => {
    const f = facts({ title: '尾', description: '款' });
    expect(holds({ text: { any: ['尾款'] } }, f)).toBe(false);
    expect(holds({ text: { regex: '尾\\n款' } }, f)).toBe(true);
  });

  it('regex: tested on the text, case-insensitive', () => {
    expect(holds({ text: { regex: '合同(纠纷|违约)?' } }, debt)).toBe(true);
    expect(holds({ title: { regex: '^项目' } }, debt)).toBe(true);
    expect(holds({ title: { regex: '^尾款' } }, debt)).toBe(false);
    expect(holds({ description: { regex: 'CONTRACT' } }, debt)).toBe(true);
    expect(holds({ text: { exists: true } }, debt)).toBe(true);
  });

  it('refuses an unsafe regex when compiling', () => {
    expect(() => compileCondition({ text: { regex: '(a+)+$' } })).toThrowError(/exponential/);
  });
});

describe('attributes.<code> (custom attributes of any shape)', () => {
  const f = facts({ attributes: { amount: 25000, debtors: ['企业', '个人'], topic: '人才补贴', urgent: true } });

  it('number ranges: several operators in one object must all hold', () => {
    expect(holds({ 'attributes.amount': { gte: 10000, lt: 50000 } }, f)).toBe(true);
    expect(holds({ 'attributes.amount': { gte: 30000, lt: 50000 } }, f)).toBe(false);
    expect(holds({ 'attributes.amount': { gt: 25000 } }, f)).toBe(false);
    expect(holds({ 'attributes.amount': { gte: 25000 } }, f)).toBe(true);
    expect(holds({ 'attributes.amount': { lt: 25000 } }, f)).toBe(false);
    expect(holds({ 'attributes.amount': { lte: 25000 } }, f)).toBe(true);
    expect(holds({ 'attributes.amount': 25000 }, f)).toBe(true);
    expect(holds({ 'attributes.amount': '25000' }, f)).toBe(false);
  });

  it('numbers compare only with numbers', () => {
    expect(holds({ 'attributes.topic': { gte: 0 } }, f)).toBe(false);
    expect(holds({ 'attributes.debtors': { lt: 100 } }, f)).toBe(false);
  });

  it('lists (multi attributes), strings and booleans', () => {
    expect(holds({ 'attributes.debtors': { includes: '企业' } }, f)).toBe(true);
    expect(holds({ 'attributes.debtors': { includes: '政府' } }, f)).toBe(false);
    expect(holds({ 'attributes.debtors': { in: ['政府', '个人'] } }, f)).toBe(true);
    expect(holds({ 'attributes.debtors': { not_in: ['政府'] } }, f)).toBe(true);
    expect(holds({ 'attributes.topic': { any: ['补贴'] } }, f)).toBe(true);
    expect(holds({ 'attributes.topic': { regex: '^人才' } }, f)).toBe(true);
    expect(holds({ 'attributes.urgent': true }, f)).toBe(true);
    expect(holds({ 'attributes.urgent': { ne: false } }, f)).toBe(true);
  });

  it('a missing attribute: every test fails except ne / not_in / exists: false', () => {
    const missing = facts();
    expect(holds({ 'attributes.amount': { gte: 0 } }, missing)).toBe(false);
    expect(holds({ 'attributes.amount': { exists: true } }, missing)).toBe(false);
    expect(holds({ 'attributes.amount': { exists: false } }, missing)).toBe(true);
    expect(holds({ 'attributes.amount': { ne: 5 } }, missing)).toBe(true);
    expect(holds({ 'attributes.amount': { not_in: [5] } }, missing)).toBe(true);
    expect(holds({ 'attributes.amount': { gte: 0, exists: false } }, missing)).toBe(false);
    // Inherited properties are not attributes.
    expect(holds({ 'attributes.constructor': { exists: true } }, missing)).toBe(false);
  });
});

describe('all / any / not nesting', () => {
  it('combines', () => {
    expect(holds({ all: [{ category: 'policy' }, { park: 'P01' }] })).toBe(true);
    expect(holds({ all: [{ category: 'policy' }, { park: 'P02' }] })).toBe(false);
    expect(holds({ any: [{ category: 'legal' }, { park: 'P01' }] })).toBe(true);
    expect(holds({ any: [{ category: 'legal' }, { park: 'P02' }] })).toBe(false);
    expect(holds({ not: { category: 'legal' } })).toBe(true);
    expect(holds({ not: { not: { category: 'legal' } } })).toBe(false);
    expect(holds({ all: [{ any: [{ channel: 'visit' }, { not: { priority: 'urgent' } }] }, { all: [{ park: { in: ['P01', 'P02'] } }] }] })).toBe(true);
  });

  it('the trace reports every node, with the value tested', () => {
    const trace = compileCondition({ all: [{ category: 'legal' }, { any: [{ park: 'P01' }, { 'attributes.amount': { gte: 1, lt: 9 } }] }] }).trace(facts());
    expect(trace).toMatchObject({
      path: 'when',
      kind: 'all',
      passed: false,
      children: [
        { path: 'when.all[0]', kind: 'category', operator: 'eq', expected: 'legal', actual: 'policy', passed: false },
        {
          path: 'when.all[1]',
          kind: 'any',
          passed: true,
          children: [
            { path: 'when.all[1].any[0]', kind: 'park', expected: 'P01', actual: { id: 'p-01', code: 'P01' }, passed: true },
            {
              path: 'when.all[1].any[1]',
              kind: 'attributes.amount',
              actual: null,
              passed: false,
              children: [
                { path: 'when.all[1].any[1].attributes.amount.gte', operator: 'gte', expected: 1, passed: false },
                { path: 'when.all[1].any[1].attributes.amount.lt', operator: 'lt', expected: 9, passed: false },
              ],
            },
          ],
        },
      ],
    });
  });
});

describe('plugin operators', () => {
  const within: OperatorDefinition = {
    name: 'geo.within',
    validate: (argument) => (Array.isArray(argument) ? null : 'needs a list of park codes'),
    test: (actual, argument) => (argument as string[]).includes((actual as { code: string }).code),
  };

  it('are called with the raw value and the argument; missing values fail without calling them', () => {
    expect(holds({ park: { 'geo.within': ['P01', 'P09'] } }, facts(), [within])).toBe(true);
    expect(holds({ park: { 'geo.within': ['P09'] } }, facts(), [within])).toBe(false);
    expect(holds({ park: { 'geo.within': ['P01'] } }, noEnterprise, [within])).toBe(false);
  });

  it('validate runs when compiling; unregistered or badly named operators are refused', () => {
    expect(() => compileCondition({ park: { 'geo.within': 'P01' } }, { operators: [within] })).toThrowError(/needs a list/);
    expect(() => compileCondition({ park: { 'geo.near': 'P01' } }, { operators: [within] })).toThrowError(/no plugin registers/);
    try {
      compileCondition({ park: 'P01' }, { operators: [{ name: 'within', test: () => true }] });
      expect.unreachable();
    } catch (error) {
      expect(isKechuangError(error, 'PLUGIN_ERROR')).toBe(true);
    }
  });
});
