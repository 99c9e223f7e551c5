import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseOfficeConfig } from './parse-config.js';
import { validateOfficeConfig } from './validate-config.js';
import { independentLines, mutate, outcome, type Json, type Mutation, type Outcome } from './__fixtures__/fuzz-support.js';
import { sampleConfig } from './__fixtures__/sample-config.js';

/**
 * Property: a valid config broken in realistic ways (a key deleted, a key misspelt, a value of
 * the wrong type, a duplicated id, an extra key) and written as YAML or JSON either loads or
 * gives the typed error; every problem whose path is in the text is reported on the line of
 * that node, located independently through `yaml`'s own `getIn`.
 */

const RUNS = 1000;

const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1.5, '', 'Bad Id', 'station_head', [], {}, ['x'], { a: 1 }, { assign: { role: 'station_head' } }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'rename' as const), pick: fc.nat(), variant: fc.nat(60) }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), junk }),
  fc.record({ kind: fc.constant('addKey' as const), pick: fc.nat(), variant: fc.nat(60), junk }),
  fc.record({ kind: fc.constantFrom('duplicateRuleId' as const, 'duplicateDeclaredId' as const), pick: fc.nat(), variant: fc.nat(60) }),
);

type Format = 'yaml' | 'yaml-flow' | 'json';

function serialize(config: unknown, format: Format): string {
  if (format === 'json') return JSON.stringify(config, null, 2);
  return stringify(config, format === 'yaml-flow' ? { flowCollectionPadding: true, collectionStyle: 'flow', lineWidth: 60 } : {});
}

/** Every problem whose path is in the text is on the line of that node. */
function expectLinesMatch(result: Outcome, lineOf: (path: readonly (string | number)[]) => number | undefined): void {
  if (result.loaded) return;
  for (const issue of result.issues) {
    const line = lineOf(issue.path);
    if (line !== undefined) expect({ path: issue.path, line: issue.line }).toEqual({ path: issue.path, line });
  }
}

describe('fuzz: mutated configs', () => {
  it('a single mutation loads or is reported at the path it broke, on its line', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mutation, fc.constantFrom<Format>('yaml', 'yaml-flow', 'json'), (m, format) => {
        const config = sampleConfig() as unknown as Record<string, unknown>;
        const expectation = mutate(config, m);
        const text = serialize(config, format);
        const result = outcome(() => parseOfficeConfig(text, { format: format === 'json' ? 'json' : 'yaml' }), text);
        const lineOf = independentLines(text);
        expectLinesMatch(result, lineOf);
        if (expectation !== undefined) {
          if (result.loaded) throw new Error(`expected a problem at ${JSON.stringify(expectation.path)}, but it loaded:\n${text}`);
          const found = result.issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(expectation.path));
          expect(found, `no problem at ${JSON.stringify(expectation.path)} in ${result.message}`).toBeDefined();
          expect(expectation.codes).toContain(found?.code);
          expect(found?.line).toBe(lineOf(expectation.path));
        }
        // The object route finds the same problems as the text route.
        const direct = validateOfficeConfig(JSON.parse(JSON.stringify(config)));
        expect(direct.ok).toBe(result.loaded);
      }),
      { numRuns: RUNS },
    );
  });

  it('several mutations at once all load or are all reported, each on its line', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 2, maxLength: 5 }), fc.constantFrom<Format>('yaml', 'json'), (ms, format) => {
        const config = sampleConfig() as unknown as Record<string, unknown>;
        for (const m of ms) mutate(config, m);
        const text = serialize(config, format);
        const result = outcome(() => parseOfficeConfig(text, { filename: format === 'json' ? 'office.json' : 'office.yaml' }), text);
        expectLinesMatch(result, independentLines(text));
        if (!result.loaded) {
          expect(result.message.split('\n').length).toBe(Math.min(result.issues.length, 50) + 1 + (result.issues.length > 50 ? 1 : 0));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('renamed keys get a did-you-mean for the key they were', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(60), (pick, variant) => {
        const config = sampleConfig() as unknown as Record<string, unknown>;
        const expectation = mutate(config, { kind: 'rename', pick, variant });
        fc.pre(expectation !== undefined);
        const text = serialize(config, 'yaml');
        const result = outcome(() => parseOfficeConfig(text), text);
        if (result.loaded || expectation === undefined) throw new Error('a renamed key must be reported');
        const found = result.issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(expectation.path));
        // A typo of a known key (one edit away) is always close enough to suggest.
        if (found?.code === 'unrecognized_keys') expect(found.suggestion, found.message).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });
});
