import type { ValidationIssue } from '@kechuang/community';
import type { z } from 'zod';

/**
 * zod issues as the SDK reports them: a path, a message, a code; `prefix` names where they came
 * from. An unknown key is reported at its own path (`body.id`), so a client can show it beside
 * the field.
 */
export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): ValidationIssue[] {
  return error.issues.flatMap((issue): ValidationIssue[] => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: `Unknown field "${key}": remove it.`, code: issue.code }));
    }
    return [{ path, message: issue.message, code: issue.code }];
  });
}
