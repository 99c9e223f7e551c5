import { z } from 'zod';

/**
 * Just enough introspection of zod schemas to explain a config problem: which keys an object
 * accepts (for "did you mean"), which forms a union offers, and what a schema expects, in
 * words. Wrappers (optional, default, lazy, pipe, ...) are looked through.
 */

type Schema = z.core.$ZodType;

/** Looks through optional/default/nullable/lazy/readonly/catch/pipe wrappers. */
export function unwrapSchema(schema: Schema): Schema {
  let current: Schema = schema;
  for (let depth = 0; depth < 50; depth += 1) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodNonOptional ||
      current instanceof z.ZodReadonly ||
      current instanceof z.ZodCatch ||
      current instanceof z.ZodLazy
    ) {
      current = current.unwrap();
    } else if (current instanceof z.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
  return current;
}

/** The shape of an object schema (after unwrapping), or undefined when it is not an object. */
export function objectShape(schema: Schema): Readonly<Record<string, Schema>> | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodObject ? inner.shape : undefined;
}

/** The keys an object schema accepts, or an empty list when it is not an object. */
export function objectKeys(schema: Schema | undefined): string[] {
  if (schema === undefined) return [];
  const shape = objectShape(schema);
  return shape === undefined ? [] : Object.keys(shape);
}

/** The options of a union schema (after unwrapping), or undefined. */
export function unionOptions(schema: Schema): readonly Schema[] | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodUnion ? inner.options : undefined;
}

/** Whether the schema is a record (an object with arbitrary keys). */
export function isRecordSchema(schema: Schema): boolean {
  return unwrapSchema(schema) instanceof z.ZodRecord;
}

/** Whether a key with this schema may be left out (optional or defaulted). */
export function isOptionalSchema(schema: Schema): boolean {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault;
}

/** The option of a union that a path segment leads into: an object with that key, a record, or a list. */
function optionFor(options: readonly Schema[], segment: string | number): Schema | undefined {
  if (typeof segment === 'number') return options.find((option) => unwrapSchema(option) instanceof z.ZodArray);
  return options.find((option) => objectShape(option)?.[segment] !== undefined) ?? options.find((option) => isRecordSchema(option));
}

/**
 * The schema of the value at `path` under `schema`, or undefined when it cannot be told. A
 * union is entered through the option the segment fits (zod reports a union's issues without
 * the union when only one option came close).
 */
export function schemaAt(schema: Schema | undefined, path: readonly (string | number)[]): Schema | undefined {
  let current = schema;
  for (const segment of path) {
    if (current === undefined) return undefined;
    let inner = unwrapSchema(current);
    if (inner instanceof z.ZodUnion) {
      const option = optionFor(inner.options, segment);
      if (option === undefined) return undefined;
      inner = unwrapSchema(option);
    }
    if (inner instanceof z.ZodObject) current = typeof segment === 'string' ? inner.shape[segment] : undefined;
    else if (inner instanceof z.ZodArray) current = typeof segment === 'number' ? inner.element : undefined;
    else if (inner instanceof z.ZodRecord) current = inner.valueType;
    else return undefined;
  }
  return current;
}

/**
 * The keys an object accepts at a node (for "did you mean"). For a union, the keys of the
 * options that accept every key the object does have right (or of all options, if none does).
 */
export function keysAccepted(schema: Schema | undefined, presentKeys: readonly string[]): string[] {
  if (schema === undefined) return [];
  const options = unionOptions(schema);
  if (options === undefined) return objectKeys(schema);
  const objects = options.map((option) => objectKeys(option)).filter((keys) => keys.length > 0);
  const fitting = objects.filter((keys) => presentKeys.every((key) => keys.includes(key)));
  return [...new Set((fitting.length > 0 ? fitting : objects).flat())];
}

/** An object schema in words: `{ team, strategy? }`. */
function describeObject(shape: Readonly<Record<string, Schema>>): string {
  const keys = Object.entries(shape).map(([key, value]) => (isOptionalSchema(value) ? `${key}?` : key));
  return keys.length === 0 ? '{}' : `{ ${keys.join(', ')} }`;
}

/**
 * What a schema expects, in words, e.g. `a string`, `one of "round_robin", "least_loaded"`,
 * `{ member }`, `a list`, `an object of field tests`.
 */
export function describeExpected(schema: Schema, depth = 0): string {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) return describeObject(inner.shape);
  if (depth < 3 && inner instanceof z.ZodUnion) {
    const parts = inner.options.map((option: Schema) => describeExpected(option, depth + 1));
    return [...new Set(parts)].join(' or ');
  }
  if (inner instanceof z.ZodString) return 'a string';
  if (inner instanceof z.ZodNumber) return 'a number';
  if (inner instanceof z.ZodBoolean) return 'true or false';
  if (inner instanceof z.ZodArray) return 'a list';
  if (inner instanceof z.ZodRecord) return 'an object';
  if (inner instanceof z.ZodEnum) return `one of ${inner.options.map((o) => JSON.stringify(o)).join(', ')}`;
  if (inner instanceof z.ZodLiteral) return [...inner.values].map((v) => JSON.stringify(v)).join(' or ');
  return 'a valid value';
}

/**
 * A value's kind in words, for "expected …, got …": `a string ("x")`, `a number (5)`,
 * `a list`, `an object`, `null`, `nothing`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `a string (${JSON.stringify(shown)})`;
    }
    case 'number':
      return `a number (${String(value)})`;
    case 'boolean':
      return `a boolean (${String(value)})`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}
