import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OFFICE_CONFIG_SCHEMA_ID, officeConfigJsonSchema, officeConfigJsonSchemaText } from './config-json-schema.js';
import { sampleConfig } from './__fixtures__/sample-config.js';

const SHIPPED = new URL('../../kechuang.config.schema.json', import.meta.url);

describe('kechuang.config.schema.json', () => {
  it('is up to date with the zod schema', () => {
    let shipped = '';
    try {
      shipped = readFileSync(SHIPPED, 'utf8');
    } catch {
      shipped = '(missing)';
    }
    if (shipped !== officeConfigJsonSchemaText()) {
      expect.fail(
        'packages/community/kechuang.config.schema.json is stale (the office config schema changed). ' +
          'Regenerate it: node --import tsx scripts/generate-config-schema.ts',
      );
    }
  });

  it('is draft-07 with an $id, a title, and descriptions editors show', () => {
    const schema = officeConfigJsonSchema();
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toBe(OFFICE_CONFIG_SCHEMA_ID);
    expect(schema['title']).toMatch(/office config/);
    const text = officeConfigJsonSchemaText();
    expect(text).not.toContain('__schema');
    expect(text).toContain('"condition"');
    for (const needle of ['The portfolios (专员分工)', 'Required: where a request goes when no rule assigns it', 'Keep evaluating later rules']) {
      expect(text).toContain(needle);
    }
  });

  it('describes the input: keys with defaults are not required', () => {
    const schema = officeConfigJsonSchema() as { required?: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['routing']);
  });

  it('accepts the sample config and rejects unknown keys and fields, like the loader', () => {
    const validator = z.fromJSONSchema(JSON.parse(officeConfigJsonSchemaText()) as z.core.JSONSchema.JSONSchema);
    expect(validator.safeParse(sampleConfig()).success).toBe(true);
    const typo = sampleConfig() as unknown as { routing: { rules: Record<string, unknown>[] } };
    const rule = typo.routing.rules[0];
    if (rule === undefined) throw new Error('sample has rules');
    rule['contine'] = true;
    expect(validator.safeParse(typo).success).toBe(false);
    const field = sampleConfig() as unknown as { routing: { rules: Record<string, unknown>[] } };
    const other = field.routing.rules[5];
    if (other === undefined) throw new Error('sample has rules');
    other['when'] = { catgory: 'facilities' };
    expect(validator.safeParse(field).success).toBe(false);
    other['when'] = { 'attributes.amount': { gte: 5 } };
    expect(validator.safeParse(field).success).toBe(true);
    other['when'] = { category: 'facilities', channel: 'phone' };
    expect(validator.safeParse(field).success).toBe(false);
  });
});
