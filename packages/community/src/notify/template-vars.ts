/**
 * The placeholders a notification template may use, e.g. `请于{deadline}前办结`. Values are
 * plain text in the recipient's locale; mobile and ID numbers in them are masked.
 *
 * @example
 * ```ts
 * import { templateVariables } from '@kechuang/community/config';
 * templateVariables.includes('deadline'); // true
 * ```
 */
export const templateVariables = [
  /** The request's title. */
  'title',
  /** The start of its description. */
  'description',
  /** The enterprise's name. */
  'enterprise',
  /** The category's label. */
  'category',
  /** The contact person and phone given with the request. */
  'contact',
  /** The resolve deadline (办结时限), in the office's time zone. */
  'deadline',
  /** The respond deadline (签收时限). */
  'respondDeadline',
  /** The reason given with a return, reassignment, pause or withdrawal. */
  'reason',
  /** The reply's outcome (办理结果) and what was done. */
  'outcome',
  /** The note or text given with the command (a progress note, a supervision note). */
  'note',
  /** Working days overdue, for an escalation. */
  'n',
  /** "overdue by n working days" or "due now", for an escalation. */
  'overdue',
  /** The escalation level reached. */
  'level',
  /** The follow-up rating (回访评价). */
  'rating',
  /** Working days asked for in an extension request. */
  'days',
  /** How an extension request was decided. */
  'decision',
  /** Who acted. */
  'actor',
  /** The lead (主办) after the change. */
  'assignee',
  /** The recipient's name. */
  'recipient',
] as const;
/**
 * A placeholder every core notification template may use, e.g. `{deadline}`.
 *
 * @useDeclaredType
 */
export type TemplateVariable = (typeof templateVariables)[number];

/**
 * Values for a template's placeholders; a missing one leaves out every line that uses it.
 * Besides the core's variables, a plugin's notice adds its own (its `data`), named with
 * letters only, e.g. `{elapsed}`.
 */
export type TemplateVars = Partial<Record<TemplateVariable, string>> & { [name: string]: string | undefined };

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholder names a template uses, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * Fills a template line by line. A line that uses a placeholder without a value is left out
 * whole (so `请于{deadline}前办结` disappears for a request without a deadline rather than
 * reading `请于前办结`); `escape` is applied to each value (HTML bodies escape them).
 */
export function fillTemplate(template: string, vars: TemplateVars, escape: (value: string) => string = (value) => value): string {
  const lines: string[] = [];
  for (const line of template.split('\n')) {
    let missing = false;
    const filled = line.replace(PLACEHOLDER, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined || value === '') {
        missing = true;
        return whole;
      }
      return escape(value);
    });
    if (!missing) lines.push(filled);
  }
  return lines.join('\n');
}
