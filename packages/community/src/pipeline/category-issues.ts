import { KechuangError, type ValidationIssue } from '../errors/kechuang-error.js';
import type { OfficeConfig } from '../config/config-schema.js';
import type { AttributeValue } from '../model/request.js';

type Category = OfficeConfig['categories'][number];
type Attribute = Category['attributes'][number];

function valueProblem(attribute: Attribute, value: AttributeValue): string | null {
  const allowed = attribute.values ?? [];
  switch (attribute.type) {
    case 'string':
      return typeof value === 'string' ? null : 'Expected text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'Expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Expected true or false';
    case 'single':
      if (typeof value !== 'string') return `Expected one of: ${allowed.join(', ')}`;
      return allowed.length === 0 || allowed.includes(value) ? null : `'${value}' is not one of: ${allowed.join(', ')}`;
    case 'multi': {
      if (!Array.isArray(value)) return `Expected a list of values from: ${allowed.join(', ')}`;
      const unknown = value.filter((v) => allowed.length > 0 && !allowed.includes(v));
      return unknown.length === 0 ? null : `${unknown.map((v) => `'${v}'`).join(', ')} not among: ${allowed.join(', ')}`;
    }
  }
}

function isEmpty(value: AttributeValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * What is wrong with a submission's category and attributes under the office's config: an
 * unknown category (when the config lists any), a required attribute missing, a value of the
 * wrong type or outside the allowed values, an attribute the category does not have. Each
 * issue sits at its own path under `prefix`, so that a form shows it beside its field.
 */
export function categoryIssues(config: OfficeConfig, category: string, attributes: Record<string, AttributeValue>, prefix: (string | number)[] = []): ValidationIssue[] {
  if (config.categories.length === 0) return [];
  const definition = config.categories.find((c) => c.id === category);
  if (!definition) {
    return [{ path: [...prefix, 'category'], message: `Unknown category '${category}'. Use one of: ${config.categories.map((c) => c.id).join(', ')}`, code: 'invalid_value' }];
  }
  const issues: ValidationIssue[] = [];
  const known = new Set(definition.attributes.map((a) => a.code));
  for (const code of Object.keys(attributes)) {
    // Attributes from other systems (an Open311 e-mail, a 12345 ticket field) are kept as they come.
    if (!known.has(code) && !code.includes('.')) {
      const list = definition.attributes.map((a) => a.code).join(', ') || 'none';
      issues.push({ path: [...prefix, 'attributes', code], message: `Category '${category}' has no attribute '${code}' (its attributes: ${list})`, code: 'unrecognized_keys' });
    }
  }
  for (const attribute of definition.attributes) {
    const value = attributes[attribute.code];
    if (isEmpty(value)) {
      if (attribute.required) issues.push({ path: [...prefix, 'attributes', attribute.code], message: `Required for category '${category}'`, code: 'too_small' });
      continue;
    }
    const problem = valueProblem(attribute, value!);
    if (problem) issues.push({ path: [...prefix, 'attributes', attribute.code], message: problem, code: 'invalid_type' });
  }
  return issues;
}

/** VALIDATION_FAILED listing `issues`, worded like the schema's own, when there are any. */
export function throwIfInvalid(issues: ValidationIssue[], what: string): void {
  if (issues.length === 0) return;
  const list = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new KechuangError('VALIDATION_FAILED', `Invalid ${what}: ${list}. Fix these fields and try again.`, { issues });
}
