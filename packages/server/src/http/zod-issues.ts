import type { ValidationIssue } from '@kechuang/community';
import type { z } from 'zod';

/** zod issues as the SDK reports them: a path, a message, a code; `prefix` names where they came from. */
export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
    message: issue.message,
    code: issue.code,
  }));
}
