import type { z } from 'zod';
import { KechuangError, type ValidationIssue } from './kechuang-error.js';

/** Turns a zod error into VALIDATION_FAILED carrying every issue with its path. */
export function fromZodError(error: z.ZodError, what: string): KechuangError {
  const issues: ValidationIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    code: issue.code === 'custom' && typeof issue.params?.['code'] === 'string' ? issue.params['code'] : issue.code,
  }));
  const list = issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
  return new KechuangError('VALIDATION_FAILED', `Invalid ${what}: ${list}. Fix these fields and try again.`, {
    issues,
  });
}

/** Parses `input` with `schema`, throwing VALIDATION_FAILED listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, what);
  return result.data;
}
