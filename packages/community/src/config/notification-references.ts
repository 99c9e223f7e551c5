import { notificationEvents } from '../notify/notification-events.js';
import type { ConfigProblem } from '../routing/types.js';
import { pluginEventNameSchema } from './config-schema.js';

/**
 * The plugin events an office's notification rules and templates name: the schema lets any
 * `<plugin-id>.<name>` through, and this check holds each against the events the community's
 * plugins declared (`ctx.notifications.event`). It reads the raw document, like the
 * cross-reference checks, so it reports alongside the schema's own problems.
 */

type Suggest = (word: string, candidates: readonly string[]) => string | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listed(values: readonly string[]): string {
  return `${values.slice(0, 12).join(', ')}${values.length > 12 ? ', …' : ''}`;
}

function unknownEvent(name: string, path: (string | number)[], declared: readonly string[], suggest: Suggest): ConfigProblem {
  const known = declared.length === 0 ? 'no plugin of this community declares any' : `the plugins declare ${listed(declared)}`;
  const problem: ConfigProblem = {
    path,
    code: 'unknown_event',
    message: `unknown notification event "${name}": name a core event (e.g. request.assign) or one a plugin declares (${known})`,
  };
  const suggestion = suggest(name, [...declared, ...notificationEvents]);
  if (suggestion !== undefined) problem.suggestion = suggestion;
  return problem;
}

/**
 * The notification rules' `on` entries and the template keys that name a plugin event no
 * plugin declared, each at its path, with a "did you mean" when a declared or core event is
 * close. Names the schema refuses anyway (not `<plugin-id>.<name>`) are left to it.
 *
 * @param document the config as parsed from YAML or JSON, not yet validated
 * @param declared the events the community's plugins declared, e.g. `runtime.plugins.notificationEvents`
 * @example
 * ```ts
 * checkNotificationEvents({ notifications: { rules: [{ on: ['progress-reports.report_du'], to: ['assignee'] }] } }, ['progress-reports.report_due'], closest);
 * // [{ path: ['notifications', 'rules', 0, 'on', 0], code: 'unknown_event', message: 'unknown notification event …', suggestion: 'progress-reports.report_due' }]
 * ```
 */
export function checkNotificationEvents(document: unknown, declared: readonly string[], suggest: Suggest): ConfigProblem[] {
  const notifications = isObject(document) ? document['notifications'] : undefined;
  if (!isObject(notifications)) return [];
  const out: ConfigProblem[] = [];
  const check = (name: unknown, path: (string | number)[]): void => {
    if (typeof name !== 'string' || declared.includes(name) || !pluginEventNameSchema.safeParse(name).success) return;
    out.push(unknownEvent(name, path, declared, suggest));
  };
  const rules = notifications['rules'];
  if (Array.isArray(rules)) {
    rules.forEach((rule, r) => {
      const on = isObject(rule) ? rule['on'] : undefined;
      if (Array.isArray(on)) on.forEach((name, i) => check(name, ['notifications', 'rules', r, 'on', i]));
    });
  }
  const templates = notifications['templates'];
  if (isObject(templates)) for (const name of Object.keys(templates)) check(name, ['notifications', 'templates', name]);
  return out;
}
