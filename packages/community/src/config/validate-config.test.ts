import { describe, expect, it, vi } from 'vitest';
import { thrown } from '../__fixtures__/expect-error.js';
import type { ConfigProblem } from '../routing/types.js';
import type { OfficeConfig } from './config-schema.js';
import type { RoutingCheck } from './routing-check.js';
import { assertOfficeConfig, validateOfficeConfig, type ValidateOfficeConfigOptions } from './validate-config.js';
import { sampleConfig } from './__fixtures__/sample-config.js';

type Mutable = Record<string, unknown> & { routing: { rules: Record<string, unknown>[]; fallback?: unknown } };

function sample(): Mutable {
  return sampleConfig() as unknown as Mutable;
}

function problemsOf(value: unknown, check?: RoutingCheck, plugins: Pick<ValidateOfficeConfigOptions, 'actions' | 'strategies'> = {}): ConfigProblem[] {
  const result = validateOfficeConfig(value, check === undefined ? plugins : { ...plugins, checkRouting: check });
  if (result.ok) throw new Error('expected problems, but the config is valid');
  return result.problems;
}

describe('validateOfficeConfig', () => {
  it('returns the config with defaults applied when it is valid', () => {
    const result = validateOfficeConfig(sample());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.routing.rules.map((r) => r.id)).toContain('legal_debts');
  });

  it('returns every problem with its path and no position', () => {
    const config = sample();
    config['portfolioz'] = [];
    const rule = config.routing.rules[2];
    if (rule === undefined) throw new Error('sample has rules');
    rule['then'] = { asign: { team: 'LEGAL' } };
    const problems = problemsOf(config);
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ['portfolioz'], code: 'unrecognized_keys', message: 'unknown key', suggestion: 'portfolios' },
        { path: ['routing', 'rules', 2, 'then', 'asign'], code: 'unrecognized_keys', message: 'unknown key', suggestion: 'assign' },
      ]),
    );
    expect(problems.some((p) => 'line' in p)).toBe(false);
  });

  it('refuses an SLA policy named by defaultSla or a category that is not declared, even when none is', () => {
    const config = sample();
    config['defaultSla'] = 'consultaton';
    const problems = problemsOf(config);
    expect(problems).toEqual([expect.objectContaining({ path: ['defaultSla'], code: 'unknown_reference', suggestion: 'consultation' })]);
    const bare = sample();
    bare['slaPolicies'] = [];
    bare['categories'] = [{ id: 'legal', labels: { 'zh-CN': '法律服务', en: 'Legal' }, sla: 'nowhere' }];
    expect(problemsOf(bare, () => [])).toEqual([
      expect.objectContaining({ path: ['categories', 0, 'sla'], code: 'unknown_reference', message: expect.stringContaining('none declared') }),
    ]);
  });

  it('passes the parsed config and the operators to the routing check, and adds its problems', () => {
    const check = vi.fn<RoutingCheck>(() => [{ path: ['routing', 'rules', 0, 'when'], code: 'stub', message: 'from the stub' }]);
    const operators = [{ name: 'geo.near', test: () => true }];
    const result = validateOfficeConfig(sample(), { checkRouting: check, operators });
    expect(result).toEqual({ ok: false, problems: [{ path: ['routing', 'rules', 0, 'when'], code: 'stub', message: 'from the stub' }] });
    expect(check).toHaveBeenCalledTimes(1);
    const [config, options] = check.mock.calls[0] ?? [];
    expect((config as OfficeConfig).routing.rules).toHaveLength(6);
    expect(options).toEqual({ operators });
  });

  it('passes the plugin actions and strategies on, and reports their problems alongside the schema problems', () => {
    const config = sample();
    config['portfolioz'] = [];
    config.routing.rules.push({ id: 'flagged', when: { category: 'legal' }, then: { plugins: { 'vip.flag': 'x', 'vip.flg': 1 } } });
    const actions = [{ name: 'vip.flag', validate: (argument: unknown) => (argument === 'x' ? 'give an object' : null), apply: () => null }];
    const strategies = [{ name: 'seniority.most_senior', choose: () => null }];
    const check = vi.fn<RoutingCheck>(() => []);
    validateOfficeConfig(sample(), { checkRouting: check, actions, strategies });
    expect(check.mock.calls[0]?.[1]).toEqual({ actions, strategies });
    expect(problemsOf(config, undefined, { actions, strategies })).toEqual([
      expect.objectContaining({ path: ['portfolioz'], code: 'unrecognized_keys' }),
      expect.objectContaining({ path: ['routing', 'rules', 6, 'then', 'plugins', 'vip.flag'], code: 'invalid_argument', message: 'vip.flag: give an object' }),
      expect.objectContaining({ path: ['routing', 'rules', 6, 'then', 'plugins', 'vip.flg'], code: 'unknown_action', suggestion: 'vip.flag' }),
    ]);
  });

  it('still runs the routing check when the schema fails, on the valid rules, with their original indices', () => {
    const config = sample();
    config.routing.rules[1] = { id: 'Bad Id', when: { category: 'legal' }, then: { asign: {} } };
    config.routing.rules[3] = { id: 'broken', when: 'nonsense', then: { tags: ['x'] } };
    const seen: OfficeConfig[] = [];
    const check: RoutingCheck = (salvaged) => {
      seen.push(salvaged);
      return salvaged.routing.rules.flatMap((rule, index): ConfigProblem[] => [
        { path: ['routing', 'rules', index, 'id'], code: 'seen_id', message: rule.id },
        { path: ['routing', 'rules', index, 'when', 'x'], code: 'seen_when', message: 'when' },
        { path: ['routing', 'rules', index, 'then'], code: 'seen_then', message: 'then' },
      ]);
    };
    const problems = problemsOf(config, check);
    const fromCheck = problems.filter((p) => p.code.startsWith('seen_')).map((p) => `${p.code} ${p.path.join('.')}`);
    // Rule 1's id and then are stand-ins and rule 3's when is one: nothing is said about them.
    expect(fromCheck).toEqual([
      'seen_id routing.rules.0.id',
      'seen_when routing.rules.0.when.x',
      'seen_then routing.rules.0.then',
      'seen_when routing.rules.1.when.x',
      'seen_id routing.rules.2.id',
      'seen_when routing.rules.2.when.x',
      'seen_then routing.rules.2.then',
      'seen_id routing.rules.3.id',
      'seen_then routing.rules.3.then',
      'seen_id routing.rules.4.id',
      'seen_when routing.rules.4.when.x',
      'seen_then routing.rules.4.then',
      'seen_id routing.rules.5.id',
      'seen_when routing.rules.5.when.x',
      'seen_then routing.rules.5.then',
    ]);
    expect(seen[0]?.routing.rules[3]?.id).toBe('broken');
  });

  it('drops a derived problem where the schema already rejects the value', () => {
    const check: RoutingCheck = () => [
      { path: ['routing', 'fallback'], code: 'derived', message: 'derived' },
      { path: ['portfolios'], code: 'kept', message: 'kept' },
    ];
    const config = sample();
    config.routing.fallback = { assign: 'station_head' };
    const problems = problemsOf(config, check);
    expect(problems.map((p) => p.code)).toEqual(['invalid_type', 'kept']);
  });

  it('runs the real routing checks by default', () => {
    const config = sample();
    const rule = config.routing.rules[5];
    if (rule === undefined) throw new Error('sample has rules');
    rule['when'] = { catgory: 'facilities' };
    expect(problemsOf(config)).toEqual([expect.objectContaining({ path: ['routing', 'rules', 5, 'when', 'catgory'], code: 'unknown_field', suggestion: 'category' })]);
  });

  it('refuses a document that refers to itself or nests absurdly deep, without recursing', () => {
    const cyclic: Record<string, unknown> = { routing: { fallback: { assign: { role: 'station_head' } } } };
    cyclic['self'] = cyclic;
    expect(problemsOf(cyclic)[0]?.code).toBe('too_deep');
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(problemsOf({ routing: deep })).toEqual([expect.objectContaining({ code: 'too_deep' })]);
  });

  it('says what to do with an empty or non-object document', () => {
    expect(problemsOf(undefined)[0]?.message).toMatch(/the config is empty; it needs at least routing/);
    expect(problemsOf(null)[0]?.code).toBe('invalid_type');
    expect(problemsOf('routing: {}')[0]?.message).toMatch(/^expected \{ version\?, .*routing \}, got a string/);
  });
});

describe('assertOfficeConfig', () => {
  it('returns a valid config', () => {
    expect(assertOfficeConfig(sample()).teams).toEqual([{ code: 'LEGAL', labels: { 'zh-CN': '公共法律服务驿站', en: 'Public legal service station' } }]);
  });

  it('throws one VALIDATION_FAILED error listing every problem, without positions', () => {
    const config = sample();
    const rule = config.routing.rules[2];
    if (rule === undefined) throw new Error('sample has rules');
    rule['then'] = { asign: { team: 'LEGAL' } };
    delete config.routing.fallback;
    const error = thrown(() => assertOfficeConfig(config), 'VALIDATION_FAILED');
    expect(error.message).toBe(
      [
        'Invalid office config: 2 problems. Fix them and load the config again:',
        '  routing.rules[2].then.asign: unknown key — did you mean "assign"?',
        '  routing.fallback: required, but missing: add "fallback" ({ assign })',
      ].join('\n'),
    );
    expect(error.details.issues).toEqual([
      { path: ['routing', 'rules', 2, 'then', 'asign'], code: 'unrecognized_keys', message: 'unknown key — did you mean "assign"?', suggestion: 'assign' },
      { path: ['routing', 'fallback'], code: 'missing_key', message: 'required, but missing: add "fallback" ({ assign })' },
    ]);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lists at most 50 problems in the message and all of them in the details', () => {
    const config = sample();
    for (let i = 0; i < 60; i += 1) config[`unknown_${i}`] = i;
    const error = thrown(() => assertOfficeConfig(config), 'VALIDATION_FAILED');
    expect(error.details.issues).toHaveLength(60);
    expect(error.message.split('\n')).toHaveLength(52);
    expect(error.message).toMatch(/… and 10 more \(see error\.details\.issues\)$/);
  });
});
