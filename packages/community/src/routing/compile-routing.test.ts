import { describe, expect, it } from 'vitest';
import type { OfficeConfigInput } from '../config/config-schema.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { config, facts } from './__fixtures__/routing-facts.js';
import { compileRouting } from './compile-routing.js';

type Rules = NonNullable<OfficeConfigInput['routing']['rules']>;
const routing = (rules: Rules) => compileRouting(config({ rules, fallback: { assign: { role: 'station_head' } } }));
const fallback = { source: 'fallback', ruleId: null, target: { role: 'station_head' } };

describe('compileRouting: decisions', () => {
  it('the first matching rule with assign decides; the fallback always follows', () => {
    const r = routing([
      { id: 'policy', when: { category: 'policy' }, then: { assign: { portfolio: 'economic_development' } } },
      { id: 'later', when: { park: 'P01' }, then: { assign: { captain: true } } },
    ]);
    expect(r.ruleCount).toBe(2);
    expect(r.evaluate(facts())).toEqual({
      assign: [{ source: 'rule', ruleId: 'policy', target: { portfolio: 'economic_development' } }, fallback],
      assists: [],
      priority: null,
      sla: null,
      tags: [],
      watchers: [],
      matchedRuleIds: ['policy'],
      pluginActions: [],
    });
    expect(r.evaluate(facts({ category: 'legal' })).assign[0]).toMatchObject({ ruleId: 'later', target: { captain: true } });
  });

  it('with no matching rule, only the fallback', () => {
    const r = routing([{ id: 'legal', when: { category: 'legal' }, then: { assign: { team: 'LEGAL' } } }]);
    expect(r.evaluate(facts())).toMatchObject({ assign: [fallback], matchedRuleIds: [] });
    expect(routing([]).evaluate(facts()).assign).toEqual([fallback]);
  });

  it('a matching rule without continue stops evaluation, even if it does not assign', () => {
    const r = routing([
      { id: 'tag_only', when: { park: 'P01' }, then: { tags: ['P01'] } },
      { id: 'policy', when: { category: 'policy' }, then: { assign: { portfolio: 'economic_development' } } },
    ]);
    expect(r.evaluate(facts())).toMatchObject({ assign: [fallback], tags: ['P01'], matchedRuleIds: ['tag_only'] });
  });

  it('continue: side actions accumulate — priority overrides, SLA first wins, tags / watchers / assists union in order', () => {
    const r = routing([
      { id: 'hotline', when: { channel: 'phone' }, then: { priority: 'urgent', sla: 'urgent', tags: ['热线', '重点'], watchers: ['MC-S001'], assist: [{ member: 'MC-S002' }] }, continue: true },
      { id: 'talent', when: { text: { any: ['人才'] } }, then: { assign: { portfolio: 'economic_development' }, tags: ['人才', '热线'], watchers: ['MC-S001', { captain: true }] }, continue: true },
      { id: 'second_assign', when: { park: 'P01' }, then: { assign: { captain: true }, priority: 'normal', sla: 'assistance', watchers: [{ captain: true }], assist: [{ team: 'LEGAL' }] }, continue: true },
      { id: 'stop', when: { category: 'policy' }, then: { tags: ['政策'] } },
      { id: 'never', when: { category: 'policy' }, then: { tags: ['unreached'] } },
    ]);
    expect(r.evaluate(facts())).toEqual({
      assign: [{ source: 'rule', ruleId: 'talent', target: { portfolio: 'economic_development' } }, fallback],
      assists: [
        { ruleId: 'hotline', target: { member: 'MC-S002' } },
        { ruleId: 'second_assign', target: { team: 'LEGAL' } },
      ],
      priority: 'normal',
      sla: 'urgent',
      tags: ['热线', '重点', '人才', '政策'],
      watchers: ['MC-S001', { captain: true }],
      matchedRuleIds: ['hotline', 'talent', 'second_assign', 'stop'],
      pluginActions: [],
    });
  });

  it('outcomes are fresh: changing one does not change the next', () => {
    const r = routing([{ id: 'a', when: { category: 'policy' }, then: { tags: ['x'], assign: { team: 'LEGAL' } } }]);
    const first = r.evaluate(facts());
    first.tags.push('mutated');
    first.assign.pop();
    expect(r.evaluate(facts())).toMatchObject({ tags: ['x'], assign: [{ ruleId: 'a' }, fallback] });
  });

  it('the index matches parks by code or id, and channels and categories exactly', () => {
    const r = routing([
      { id: 'by_code', when: { all: [{ park: 'P02' }, { category: 'facilities' }] }, then: { assign: { captain: true } } },
      { id: 'by_id', when: { all: [{ park: 'p-03' }, { category: { in: ['facilities', 'other'] } }] }, then: { assign: { captain: true } } },
      { id: 'both', when: { park: { in: ['P04', 'p-04'] } }, then: { assign: { captain: true } } },
      { id: 'visit', when: { all: [{ channel: 'visit' }, { all: [{ category: 'legal' }] }] }, then: { assign: { team: 'LEGAL' } } },
    ]);
    const at = (code: string, id: string, extra = {}) => r.evaluate(facts({ park: { id, code }, category: 'facilities', ...extra })).matchedRuleIds;
    expect(at('P02', 'p-02')).toEqual(['by_code']);
    expect(at('P03', 'p-03')).toEqual(['by_id']);
    expect(at('P03', 'p-03', { category: 'legal' })).toEqual([]);
    expect(at('P04', 'p-04')).toEqual(['both']);
    expect(at('P09', 'p-09', { category: 'legal', channel: 'visit' })).toEqual(['visit']);
    expect(at('P09', 'p-09', { category: 'legal', channel: 'phone' })).toEqual([]);
    expect(r.evaluate(facts({ park: null, category: 'facilities' })).matchedRuleIds).toEqual([]);
  });

  it('handles more than 32 rules (several index words) in order', () => {
    const rules: Rules = Array.from({ length: 70 }, (_, i) => ({ id: `park_${i}`, when: { park: `P${i}` }, then: { assign: { captain: true }, tags: [`t${i}`] }, continue: i % 2 === 0 }));
    const r = routing(rules);
    expect(r.evaluate(facts({ park: { id: 'x', code: 'P64' } })).matchedRuleIds).toEqual(['park_64']);
    expect(r.evaluate(facts({ park: { id: 'x', code: 'P33' } })).matchedRuleIds).toEqual(['park_33']);
  });
});

describe('compileRouting: explain', () => {
  const r = routing([
    { id: 'hotline', when: { channel: 'hotline_12345' }, then: { priority: 'urgent' }, continue: true },
    { id: 'legal', when: { category: 'legal' }, then: { assign: { team: 'LEGAL' } } },
    { id: 'talent', when: { all: [{ category: { in: ['policy', 'talent'] } }, { text: { any: ['人才', '招聘'] } }] }, then: { assign: { portfolio: 'economic_development' } } },
    { id: 'p01', when: { all: [{ park: 'P01' }, { category: 'policy' }] }, then: { assign: { captain: true } } },
  ]);

  it('reports every rule: ruled out by the index (and why), evaluated (with the full trace), or not reached', () => {
    const explained = r.explain(facts());
    expect(explained.outcome).toEqual(r.evaluate(facts()));
    expect(explained.rules).toEqual([
      { ruleId: 'hotline', matched: false, skippedBecause: "channel is 'phone', rule needs one of [hotline_12345]" },
      { ruleId: 'legal', matched: false, skippedBecause: "category is 'policy', rule needs one of [legal]" },
      {
        ruleId: 'talent',
        matched: true,
        condition: {
          path: 'when',
          kind: 'all',
          passed: true,
          children: [
            { path: 'when.all[0]', kind: 'category', operator: 'in', expected: ['policy', 'talent'], actual: 'policy', passed: true },
            { path: 'when.all[1]', kind: 'text', operator: 'any', expected: ['人才', '招聘'], actual: '咨询人才政策\n想了解今年的人才补贴申报条件', passed: true },
          ],
        },
      },
      { ruleId: 'p01', matched: false, skippedBecause: 'rule talent matched earlier and does not continue' },
    ]);
  });

  it('a request without a park, or without the keywords, explains the requirement it misses', () => {
    const explained = r.explain(facts({ park: null, title: '园区停车', description: '' }));
    expect(explained.rules[3]).toEqual({ ruleId: 'p01', matched: false, skippedBecause: 'park is none, rule needs one of [P01]' });
    expect(explained.rules[2]).toEqual({ ruleId: 'talent', matched: false, skippedBecause: 'text contains none of [人才, 招聘]' });
    expect(explained.outcome.assign).toEqual([fallback]);
  });
});

describe('compileRouting: invalid config', () => {
  it('throws VALIDATION_FAILED with every problem in details.issues', () => {
    try {
      routing([
        { id: 'a', when: { catgory: 'legal' }, then: { assign: { team: 'LEGAL' } } },
        { id: 'b', when: { text: { regex: '(a+)+$' } }, then: { assign: { team: 'LEGAL' } } },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(isKechuangError(error, 'VALIDATION_FAILED')).toBe(true);
      if (!isKechuangError(error)) return;
      expect(error.details.issues).toEqual([
        { path: ['routing', 'rules', 0, 'when', 'catgory'], code: 'unknown_field', message: expect.stringContaining('did you mean "category"'), suggestion: 'category' },
        { path: ['routing', 'rules', 1, 'when', 'text', 'regex'], code: 'unsafe_regex', message: expect.any(String) },
      ]);
      expect(error.message).toContain('2 problems');
      expect(error.message).toContain('routing.rules[0].when.catgory');
    }
  });
});
