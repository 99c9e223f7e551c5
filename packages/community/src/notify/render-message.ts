import type { NotificationsConfig } from '../config/config-schema.js';
import { KechuangError } from '../errors/kechuang-error.js';
import { maskPersonalNumbers } from './mask.js';
import type { AnyNotificationEvent } from './notification-events.js';
import type { NotificationRegistry } from './notification-registry.js';
import type { NotificationTemplate, TemplatePart } from './notification-template.js';
import type { NotificationLocale } from './notifier.js';
import { fillTemplate, type TemplateVars } from './template-vars.js';
import { enTemplates } from './templates/en.js';
import { zhCnTemplates } from './templates/zh-cn.js';

/** Where templates come from besides the built-in ones, in order of precedence. */
export interface TemplateSources {
  /** The office's config (`notifications.templates`). */
  office?: NotificationsConfig['templates'] | undefined;
  /** Plugins' registrations. */
  plugins?: NotificationRegistry['templates'];
}

/** A message rendered for one recipient, masked. */
export interface RenderedMessage {
  title: string;
  text: string;
  /** Null unless asked for (channels that show HTML). */
  html: string | null;
}

// Looked up by any name: a plugin's event has no built-in wording.
const builtIn: Record<NotificationLocale, Readonly<Partial<Record<string, NotificationTemplate>>>> = { 'zh-CN': zhCnTemplates, en: enTemplates };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A title states what happened even when a value is missing: the placeholder becomes empty. */
const fillTitle = (template: string, vars: TemplateVars): string => template.replace(/\{([A-Za-z]+)\}/g, (_whole, name: string) => vars[name] ?? '');

function htmlFromText(title: string, text: string, locale: NotificationLocale): string {
  const paragraphs = text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1 style="font-size:18px">${escapeHtml(title)}</h1>${paragraphs}</body></html>`;
}

function part(value: TemplatePart, vars: TemplateVars, fill: (template: string, vars: TemplateVars) => string): string {
  return typeof value === 'function' ? value(vars) : fill(value, vars);
}

/**
 * Renders an event's message in a locale: the office's template if it has one, else a plugin's,
 * else the built-in one. Values are masked before they are filled in (and escaped in HTML), and
 * the whole is masked again, so no mobile or ID number reaches a channel whatever a template
 * or plugin wrote. A plugin's event without wording in the locale is a PLUGIN_ERROR.
 */
export function renderMessage(event: AnyNotificationEvent, locale: NotificationLocale, rawVars: TemplateVars, sources: TemplateSources, withHtml: boolean): RenderedMessage {
  const vars: TemplateVars = {};
  for (const [name, value] of Object.entries(rawVars)) {
    if (value !== undefined) vars[name] = maskPersonalNumbers(value);
  }
  const office = sources.office?.[event]?.[locale];
  const plugin = office ? undefined : sources.plugins?.get(event)?.get(locale)?.template;
  const template = office ?? plugin ?? builtIn[locale][event];
  if (!template) {
    throw new KechuangError(
      'PLUGIN_ERROR',
      `There is no ${locale} wording for the notification event '${event}'. The plugin that declares it must register one with notifications.template('${event}', '${locale}', { title, text }), or the office can add notifications.templates['${event}']['${locale}'] to its config.`,
      { event, locale },
    );
  }
  const title = maskPersonalNumbers(part(template.title, vars, fillTitle));
  const text = maskPersonalNumbers(part(template.text, vars, fillTemplate));
  let html: string | null = null;
  if (withHtml) {
    html = template.html === undefined ? htmlFromText(title, text, locale) : maskPersonalNumbers(part(template.html, vars, (t, v) => fillTemplate(t, v, escapeHtml)));
  }
  return { title, text, html };
}
