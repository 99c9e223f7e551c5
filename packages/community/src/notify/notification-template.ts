import type { TemplateVars } from './template-vars.js';

/**
 * A notification template: a title and a plain-text body with `{placeholders}`, and optionally
 * an HTML body (for channels that show one, such as e-mail; made from the text when absent).
 * A line that uses a placeholder without a value is left out.
 *
 * @example
 * ```ts
 * const assign: NotificationTemplate = { title: '新的企业诉求待签收：{title}', text: '您有一条新的企业诉求待签收：{title}\n请于{deadline}前办结。' };
 * ```
 */
export interface NotificationTemplate {
  /** The subject line, with `{placeholders}`. */
  title: string;
  /** The plain-text body, with `{placeholders}`. */
  text: string;
  /** An HTML body for channels that show one, with `{placeholders}`; values are escaped. */
  html?: string;
}

/** A part of a template as code gives it: a string with placeholders, or made from the values. */
export type TemplatePart = string | ((vars: TemplateVars) => string);

/** A template a plugin registers; each part may be a function of the values. */
export interface PluginNotificationTemplate {
  /** The subject line. */
  title: TemplatePart;
  /** The plain-text body. */
  text: TemplatePart;
  /** An HTML body for channels that show one. */
  html?: TemplatePart;
}

/** The built-in templates of one locale: one per event. */
export type LocaleTemplates<E extends string> = Readonly<Record<E, NotificationTemplate>>;
