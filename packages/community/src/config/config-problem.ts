import { KechuangError, type ValidationIssue } from '../errors/kechuang-error.js';
import type { ConfigProblem } from '../routing/types.js';

/**
 * One problem in an office config as the thrown error carries it: a {@link ValidationIssue}
 * (path, message, code) plus, when the config came from YAML or JSON text, the 1-based line
 * and column of the offending node, and a "did you mean" suggestion when one is close.
 */
export interface ConfigIssue extends ValidationIssue {
  /** 1-based line in the source text (absent for an already-parsed object). */
  line?: number;
  /** 1-based column in the source text, in UTF-16 code units. */
  column?: number;
  /** A close valid alternative, e.g. `assign` for `asign`. */
  suggestion?: string;
}

/** Where a problem is in the source text. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** How many problems the error message lists before saying "and N more". */
const MESSAGE_LIMIT = 50;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * A path as people read it: `routing.rules[2].then.asign`; keys that are not plain words are
 * quoted (`when["enterprise.size"]`); the empty path is `(root)`.
 *
 * @example
 * ```ts
 * formatConfigPath(['routing', 'rules', 2, 'then', 'asign']); // 'routing.rules[2].then.asign'
 * ```
 */
export function formatConfigPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** The problem's message with its suggestion appended (unless the message already has one). */
export function messageWithSuggestion(problem: Pick<ConfigProblem, 'message' | 'suggestion'>): string {
  if (problem.suggestion === undefined || /did you mean/i.test(problem.message)) return problem.message;
  return `${problem.message} — did you mean ${JSON.stringify(problem.suggestion)}?`;
}

/** Turns a problem (and its position, if known) into the issue the error carries. */
export function toConfigIssue(problem: ConfigProblem, position?: SourcePosition): ConfigIssue {
  const issue: ConfigIssue = { path: [...problem.path], message: messageWithSuggestion(problem), code: problem.code };
  if (position !== undefined) {
    issue.line = position.line;
    issue.column = position.column;
  }
  if (problem.suggestion !== undefined) issue.suggestion = problem.suggestion;
  return issue;
}

/** One line of the error message: `file:12:5 routing.rules[2].then.asign: unknown key — did you mean "assign"?`. */
export function formatConfigIssue(issue: ConfigIssue, source?: string): string {
  if (issue.line === undefined) return `${formatConfigPath(issue.path)}: ${issue.message}`;
  const where = `${source ?? 'config'}:${issue.line}:${issue.column ?? 1}`;
  return issue.path.length === 0 ? `${where} ${issue.message}` : `${where} ${formatConfigPath(issue.path)}: ${issue.message}`;
}

/**
 * The VALIDATION_FAILED error for an invalid config: one error listing every problem, each on
 * its own line. `details.issues` holds every {@link ConfigIssue} (with line/column/suggestion
 * when known) and `details.source` the file name, if any.
 */
export function configValidationError(issues: readonly ConfigIssue[], source?: string): KechuangError {
  const count = issues.length;
  const shown = issues.slice(0, MESSAGE_LIMIT).map((issue) => `  ${formatConfigIssue(issue, source)}`);
  if (count > MESSAGE_LIMIT) shown.push(`  … and ${count - MESSAGE_LIMIT} more (see error.details.issues)`);
  const what = source === undefined ? 'office config' : `office config ${source}`;
  const message = `Invalid ${what}: ${count} ${count === 1 ? 'problem' : 'problems'}. Fix ${count === 1 ? 'it' : 'them'} and load the config again:\n${shown.join('\n')}`;
  const details: { issues: ConfigIssue[]; source?: string } = { issues: [...issues] };
  if (source !== undefined) details.source = source;
  return new KechuangError('VALIDATION_FAILED', message, details);
}
