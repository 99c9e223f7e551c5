import { describe, expect, it } from 'vitest';
import { thrown } from '../__fixtures__/expect-error.js';
import type { ConfigIssue } from './config-problem.js';
import { parseOfficeConfig } from './parse-config.js';
import { positionOf, replaceOnce, sampleJson, sampleYaml } from './__fixtures__/sample-config.js';

const FILE = 'kechuang.config.yaml';

/** Parses `text`, which must be invalid, and returns the issues of the thrown error. */
function issuesOf(text: string, options: Parameters<typeof parseOfficeConfig>[1] = { filename: FILE }): { message: string; issues: ConfigIssue[] } {
  const error = thrown(() => parseOfficeConfig(text, options), 'VALIDATION_FAILED');
  return { message: error.message, issues: (error.details.issues ?? []) as ConfigIssue[] };
}

function issueAt(issues: readonly ConfigIssue[], path: readonly (string | number)[]): ConfigIssue {
  const found = issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  if (found === undefined) throw new Error(`no issue at ${JSON.stringify(path)}; issues: ${JSON.stringify(issues, null, 1)}`);
  return found;
}

describe('parseOfficeConfig: valid documents', () => {
  it('loads the sample YAML config with defaults applied', () => {
    const config = parseOfficeConfig(sampleYaml, { filename: FILE });
    expect(config.version).toBe(1);
    expect(config.portfolios.map((p) => p.id)).toEqual(['economic_development', 'comprehensive_governance', 'public_affairs', 'party_building']);
    expect(config.portfolios[0]?.labels).toEqual({ 'zh-CN': '经济发展', en: 'Economic development' });
    expect(config.teams.map((t) => t.code)).toEqual(['LEGAL']);
    expect(config.categories.map((c) => c.id)).toEqual(['legal', 'policy', 'talent', 'facilities', 'finance']);
    expect(config.categories[1]?.attributes).toEqual([]);
    expect(config.categories[0]?.attributes[0]?.required).toBe(false);
    expect(config.routing.rules).toHaveLength(6);
    expect(config.routing.rules[1]?.continue).toBe(false);
    expect(config.routing.rules[0]?.continue).toBe(true);
    expect(config.routing.fallback).toEqual({ assign: { role: 'station_head' } });
  });

  it('loads the same config from JSON, by extension, by content and by option', () => {
    const fromYaml = parseOfficeConfig(sampleYaml);
    expect(parseOfficeConfig(sampleJson(), { filename: 'kechuang.config.json' })).toEqual(fromYaml);
    expect(parseOfficeConfig(sampleJson())).toEqual(fromYaml);
    expect(parseOfficeConfig(sampleJson(), { format: 'json' })).toEqual(fromYaml);
    expect(parseOfficeConfig(sampleYaml, { filename: 'office.yml' })).toEqual(fromYaml);
  });

  it('accepts a byte-order mark and the minimal config', () => {
    expect(parseOfficeConfig('\uFEFF' + sampleYaml).routing.rules).toHaveLength(6);
    const minimal = parseOfficeConfig('routing:\n  fallback: { assign: { role: station_head } }\n');
    expect(minimal).toEqual({
      version: 1,
      portfolios: [],
      teams: [],
      categories: [],
      slaPolicies: [],
      calendar: { extends: 'cn-mainland', timeZone: 'Asia/Shanghai', officeHours: ['08:30-12:00', '13:30-17:30'], weekend: [6, 7], holidays: [], workdays: [] },
      routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
    });
  });
});

describe('parseOfficeConfig: problems with their lines and columns', () => {
  it('reports an unknown key at the key itself, with a did-you-mean, in the documented format', () => {
    const text = replaceOnce(sampleYaml, 'then: { assign: { portfolio: comprehensive_governance } }', 'then: { asign: { portfolio: comprehensive_governance } }');
    const { message, issues } = issuesOf(text);
    const at = positionOf(text, 'asign');
    expect(issues).toEqual([
      { path: ['routing', 'rules', 5, 'then', 'asign'], code: 'unrecognized_keys', message: 'unknown key — did you mean "assign"?', suggestion: 'assign', line: at.line, column: at.column },
    ]);
    expect(message).toContain(`${FILE}:${at.line}:${at.column} routing.rules[5].then.asign: unknown key — did you mean "assign"?`);
    expect(message).toMatch(/^Invalid office config kechuang\.config\.yaml: 1 problem\. Fix it/);
  });

  it('lists the allowed keys when no key is close', () => {
    const text = sampleYaml.replace('version: 1\n', 'version: 1\nzzzzzz: true\n');
    const issue = issueAt(issuesOf(text).issues, ['zzzzzz']);
    expect(issue.message).toBe('unknown key — remove it or fix its spelling; allowed here: version, portfolios, teams, categories, slaPolicies, defaultSla, calendar, notifications, metrics, routing');
    expect(issue.suggestion).toBeUndefined();
    expect([issue.line, issue.column]).toEqual([positionOf(text, 'zzzzzz').line, 1]);
  });

  it('reports every problem at once, sorted by position, each with path, line and column', () => {
    let text = sampleYaml;
    text = replaceOnce(text, '  - id: public_affairs', '  - id: economic_development'); // duplicate portfolio id
    text = replaceOnce(text, "labels: { zh-CN: 党群建设, en: Party building }", 'labels: { zh-CN: 党群建设 }'); // missing en
    text = replaceOnce(text, '        type: number', '        type: numbr'); // bad enum, close
    text = replaceOnce(text, '    portfolio: economic_development\n    sla: consultation', '    portfolio: economic_developmnt\n    sla: consultation'); // unknown reference
    text = replaceOnce(text, '- { category: legal }', '- { catgory: legal }'); // unknown field (routing check)
    text = replaceOnce(text, 'strategy: round_robin', 'strategy: round_robbin'); // bad enum inside a union
    text = replaceOnce(text, '- id: small_firm_finance', '- id: legal_debts'); // duplicate rule id
    text = replaceOnce(text, '  fallback:\n    assign: { role: station_head }', '  fallback:\n    assign: { role: station_head }\n  extra: 1'); // unknown key
    const { issues, message } = issuesOf(text);
    const expected: [path: (string | number)[], code: string, needle: string][] = [
      [['portfolios', 2, 'id'], 'duplicate_id', 'id: economic_development'],
      [['portfolios', 3, 'labels', 'en'], 'missing_key', 'labels: { zh-CN: 党群建设 }'],
      [['categories', 0, 'attributes', 0, 'type'], 'invalid_value', 'type: numbr'],
      [['categories', 1, 'portfolio'], 'unknown_reference', 'portfolio: economic_developmnt'],
      [['routing', 'rules', 1, 'when', 'any', 0, 'catgory'], 'unknown_field', 'catgory'],
      [['routing', 'rules', 1, 'then', 'assign', 'strategy'], 'invalid_value', 'strategy: round_robbin'],
      [['routing', 'rules', 4, 'id'], 'duplicate_rule_id', 'id: legal_debts'],
      [['routing', 'extra'], 'unrecognized_keys', 'extra: 1'],
    ];
    expect(issues).toHaveLength(expected.length);
    for (const [path, code, needle] of expected) {
      const issue = issueAt(issues, path);
      expect(issue.code).toBe(code);
      const occurrence = needle === 'id: economic_development' ? 2 : needle === 'id: legal_debts' ? 2 : 1;
      const at = positionOf(text, needle, occurrence);
      expect({ path, line: issue.line, column: issue.column }).toEqual({ path, ...at });
    }
    const lines = issues.map((issue) => issue.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(issueAt(issues, ['categories', 0, 'attributes', 0, 'type']).suggestion).toBe('number');
    expect(issueAt(issues, ['categories', 1, 'portfolio']).suggestion).toBe('economic_development');
    expect(issueAt(issues, ['routing', 'rules', 1, 'when', 'any', 0, 'catgory']).suggestion).toBe('category');
    expect(issueAt(issues, ['routing', 'rules', 1, 'then', 'assign', 'strategy']).suggestion).toBe('round_robin');
    expect(message).toContain('8 problems');
    expect(message.split('\n')).toHaveLength(9);
  });

  it('points a missing required key at the object that lacks it', () => {
    const text = sampleYaml.replace(/ {2}fallback:\n {4}assign: \{ role: station_head \}\n/, '');
    const issue = issueAt(issuesOf(text).issues, ['routing', 'fallback']);
    expect(issue.code).toBe('missing_key');
    expect(issue.message).toBe('required, but missing: add "fallback" ({ assign })');
    expect({ line: issue.line, column: issue.column }).toEqual(positionOf(text, 'routing:'));
  });

  it('explains wrong types, bad ids, empty strings and sizes', () => {
    let text = sampleYaml;
    text = replaceOnce(text, '  - code: LEGAL', '  - code: ""');
    text = replaceOnce(text, '  - id: talent', '  - id: Talent Hiring');
    text = replaceOnce(text, '      continue: true', '      continue: "yes"');
    text = replaceOnce(text, 'values: [unpaid_invoice, contract, debt]', 'values: []');
    const { issues } = issuesOf(text);
    expect(issueAt(issues, ['teams', 0, 'code']).message).toBe('must not be empty');
    expect(issueAt(issues, ['categories', 2, 'id']).message).toBe(
      'Use lower-case letters, digits and underscores, starting with a letter (e.g. economic_development); got a string ("Talent Hiring")',
    );
    expect(issueAt(issues, ['routing', 'rules', 0, 'continue']).message).toBe('expected true or false, got a string ("yes")');
    expect(issueAt(issues, ['categories', 0, 'attributes', 1, 'values']).message).toBe('must list at least one item');
    expect(issueAt(issues, ['routing', 'rules', 0, 'continue']).line).toBe(positionOf(text, 'continue: "yes"').line);
  });

  it('reports cross-reference problems: duplicate ids, undeclared portfolio/SLA, attribute values', () => {
    let text = sampleYaml;
    text = replaceOnce(text, '  - id: urgent', '  - id: assistance');
    text = replaceOnce(text, '  - id: finance', '  - id: legal');
    text = replaceOnce(text, '    portfolio: economic_development\n    sla: assistance', '    portfolio: economic_development\n    sla: assistence');
    text = replaceOnce(text, '        type: number', '        type: number\n        values: [a]');
    text = replaceOnce(text, 'type: single\n        values: [unpaid_invoice, contract, debt]', 'type: multi');
    const { issues } = issuesOf(text);
    expect(issues.map((i) => [i.path.join('.'), i.code, i.suggestion])).toEqual([
      ['slaPolicies.2.id', 'duplicate_id', undefined],
      ['categories.0.attributes.0.values', 'unexpected_values', undefined],
      ['categories.0.attributes.1.values', 'missing_values', undefined],
      ['categories.2.sla', 'unknown_reference', 'assistance'],
      ['categories.4.id', 'duplicate_id', undefined],
      // Renaming finance away leaves the rule that names it pointing at nothing.
      ['routing.rules.4.when.all.0.category', 'unknown_reference', undefined],
    ]);
    expect(issueAt(issues, ['slaPolicies', 2, 'id']).message).toBe(
      'duplicate SLA policy id "assistance": slaPolicies[1] already uses it; give each SLA policy its own id',
    );
    // A missing `values` points at the attribute that lacks it.
    expect(issueAt(issues, ['categories', 0, 'attributes', 1, 'values']).line).toBe(positionOf(text, '- code: dispute_kind').line);
  });

  it('narrows a failed union to the form the author meant', () => {
    let text = sampleYaml;
    text = replaceOnce(text, '{ assign: { portfolio: economic_development } }', '{ assign: { tema: LEGAL } }');
    text = replaceOnce(text, 'assign: { role: station_head }', 'assign: {}');
    text = replaceOnce(text, 'when: { category: facilities }', 'when: { category: facilities, channel: phone }');
    const { issues } = issuesOf(text);
    expect(issueAt(issues, ['routing', 'rules', 3, 'then', 'assign', 'tema'])).toMatchObject({ code: 'unrecognized_keys', suggestion: 'team' });
    expect(issueAt(issues, ['routing', 'fallback', 'assign']).message).toBe(
      'expected one of { member }, { portfolio }, { captain }, { team, strategy? }, { role }',
    );
    expect(issueAt(issues, ['routing', 'rules', 5, 'when']).message).toBe('A field test names exactly one field; combine several with all: [...]');
    expect(issues).toHaveLength(3);
  });

  it('reports problems the routing checks find in plugin operators', () => {
    const text = replaceOnce(sampleYaml, '{ attributes.amount: { gte: 100000 } }', '{ attributes.amount: { geo.near: 5 } }');
    expect(issueAt(issuesOf(text).issues, ['routing', 'rules', 2, 'when', 'all', 1, 'attributes.amount', 'geo.near']).code).toBe('unknown_operator');
    const near = { name: 'geo.near', test: () => true };
    expect(parseOfficeConfig(text, { operators: [near] }).routing.rules).toHaveLength(6);
  });
});

describe('parseOfficeConfig: syntax errors', () => {
  it('gives the line and column of a YAML syntax error', () => {
    const text = replaceOnce(sampleYaml, 'values: [unpaid_invoice, contract, debt]', 'values: [unpaid_invoice, contract, debt');
    const { issues, message } = issuesOf(text);
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues[0]?.code).toBe('yaml_syntax');
    expect(issues[0]?.line).toBe(positionOf(text, '        required: true').line);
    expect(message).toMatch(/kechuang\.config\.yaml:\d+:\d+ YAML syntax error: /);
  });

  it('reports duplicate YAML keys and tabs as syntax errors with positions', () => {
    const duplicate = replaceOnce(sampleYaml, '        type: number', '        type: number\n        type: string');
    const issue = issuesOf(duplicate).issues[0];
    expect(issue).toMatchObject({ code: 'yaml_syntax', line: positionOf(duplicate, 'type: string').line, column: 9 });
    const tabs = issuesOf('routing:\n\tfallback: 1\n').issues[0];
    expect(tabs).toMatchObject({ code: 'yaml_syntax', line: 2, column: 1 });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const text = replaceOnce(sampleJson(), '"version": 1,', '"version": 1,,');
    const { issues, message } = issuesOf(text, { filename: 'kechuang.config.json' });
    const at = positionOf(text, ',,');
    expect(issues).toEqual([{ path: [], code: 'json_syntax', message: 'JSON syntax error: expected a key in double quotes but found ","', line: at.line, column: at.column + 1 }]);
    expect(message).toContain(`kechuang.config.json:${at.line}:${at.column + 1} JSON syntax error`);
    const trailing = issuesOf('{\n  "routing": {}\n}\n}', { format: 'json' }).issues[0];
    expect(trailing).toMatchObject({ line: 4, column: 1, message: 'JSON syntax error: unexpected text after the document but found "}"' });
  });

  it('refuses a JSON key given twice, which JSON.parse would silently drop', () => {
    const text = replaceOnce(sampleJson(), '"version": 1,', '"version": 1,\n  "version": 1,');
    expect(issuesOf(text, { format: 'json' }).issues).toEqual([
      { path: ['version'], code: 'duplicate_key', message: 'this key appears twice in the same object; keep one', line: 3, column: 3 },
    ]);
  });

  it('locates problems in JSON text at the member key', () => {
    const text = replaceOnce(sampleJson(), '"continue": true', '"continu": true');
    const issue = issueAt(issuesOf(text, { filename: 'x.json' }).issues, ['routing', 'rules', 0, 'continu']);
    expect(issue).toMatchObject({ suggestion: 'continue', ...positionOf(text, '"continu"') });
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `routing:\n  fallback: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    expect(issuesOf(deep).issues[0]).toMatchObject({ code: 'too_deep', line: 2 });
    let condition = '{ category: legal }';
    for (let i = 0; i < 150; i += 1) condition = `{ not: ${condition} }`;
    const nested = replaceOnce(sampleYaml, 'when: { category: facilities }', `when: ${condition}`);
    expect(issuesOf(nested).issues[0]?.code).toBe('too_deep');
    const json = `{"routing": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(issuesOf(json, { format: 'json' }).issues[0]?.code).toBe('too_deep');
  });

  it('reports an empty or non-mapping document, and a non-string input', () => {
    expect(issuesOf('').issues[0]).toMatchObject({ path: [], code: 'invalid_type', line: 1, column: 1 });
    expect(issuesOf('# only a comment\n').issues[0]?.message).toMatch(/the config is empty/);
    expect(issuesOf('- a\n- b\n').issues[0]?.message).toBe('expected { version?, portfolios?, teams?, categories?, slaPolicies?, defaultSla?, calendar?, notifications?, metrics?, routing }, got a list');
    expect(thrown(() => parseOfficeConfig(42 as unknown as string), 'VALIDATION_FAILED').message).toMatch(/expected the config as text/);
  });
});
