import type { LongRunningRule } from './progress-options.js';
import type { RequestFacts } from './request-facts.js';

type Matched = Pick<RequestFacts, 'tags' | 'slaPolicy' | 'category'>;

/** Whether a request is long-running (长期办理): it matches any list the rule gives. */
export function isLongRunning(when: LongRunningRule, request: Matched): boolean {
  if (when.tags?.some((tag) => request.tags.includes(tag))) return true;
  if (request.slaPolicy !== null && when.slaPolicies?.includes(request.slaPolicy)) return true;
  return when.categories?.includes(request.category) === true;
}

/** Whether a request is owed progress reports: long-running and not yet concluded. */
export function owesReports(when: LongRunningRule, concluded: readonly string[], request: Matched & Pick<RequestFacts, 'status'>): boolean {
  return !concluded.includes(request.status) && isLongRunning(when, request);
}
