import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { routingConfig } from '../__fixtures__/routing-config.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { definePlugin } from '../plugins/define-plugin.js';
import type { ConfigProblem } from '../routing/types.js';
import type { OfficeConfigInput } from './config-schema.js';
import { parseOfficeConfig } from './parse-config.js';
import { validateOfficeConfig } from './validate-config.js';

const DECLARED = ['progress-reports.report_due', 'progress-reports.report_overdue'];

const withNotifications = (notifications: OfficeConfigInput['notifications']): OfficeConfigInput => ({ ...routingConfig(), notifications });

function problemsOf(value: unknown, notificationEvents: readonly string[] = DECLARED): ConfigProblem[] {
  const result = validateOfficeConfig(value, { notificationEvents });
  if (result.ok) throw new Error('expected problems, but the config is valid');
  return result.problems;
}

/** A plugin declaring the events of a progress-reports plugin. */
const reports = definePlugin({
  id: 'progress-reports',
  setup({ notifications }) {
    notifications.event('report_due');
    notifications.event('report_overdue');
  },
});

describe('plugin notification events in the office config', () => {
  it('are accepted in rules and templates once a plugin declares them, with their own placeholders', () => {
    const result = validateOfficeConfig(
      withNotifications({
        rules: [{ on: ['progress-reports.report_due', 'request.reply'], to: ['assignee'] }],
        templates: { 'progress-reports.report_due': { 'zh-CN': { title: '进展报告待提交', text: '请于{dueDate}前提交{month}月进展报告' } } },
      }),
      { notificationEvents: DECLARED },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.notifications?.rules[0]?.on).toEqual(['progress-reports.report_due', 'request.reply']);
    expect(result.config.notifications?.templates['progress-reports.report_due']?.['zh-CN']?.text).toBe('请于{dueDate}前提交{month}月进展报告');
  });

  it('refuses an event no plugin declared, at its path, suggesting the declared one', () => {
    const problems = problemsOf(
      withNotifications({
        rules: [{ on: ['request.reply', 'progress-reports.report_du'], to: ['assignee'] }],
        templates: { 'progress-reports.reprot_overdue': { en: { title: 'Report overdue', text: 'The report is overdue.' } } },
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: ['notifications', 'rules', 0, 'on', 1], code: 'unknown_event', suggestion: 'progress-reports.report_due' }),
      expect.objectContaining({ path: ['notifications', 'templates', 'progress-reports.reprot_overdue'], code: 'unknown_event', suggestion: 'progress-reports.report_overdue' }),
    ]);
    expect(problems[0]?.message).toContain('the plugins declare progress-reports.report_due, progress-reports.report_overdue');
  });

  it('refuses a plugin event when no plugin declares any, and says so', () => {
    const [problem] = problemsOf(withNotifications({ rules: [{ on: ['progress-reports.report_due'], to: ['assignee'] }] }), []);
    expect(problem).toMatchObject({ path: ['notifications', 'rules', 0, 'on', 0], code: 'unknown_event' });
    expect(problem?.message).toContain('no plugin of this community declares any');
    expect(problem?.suggestion).toBeUndefined();
  });

  it('still tells a misspelt core event as one, in rules and as a template key', () => {
    const problems = problemsOf(
      withNotifications({
        rules: [{ on: ['request.asign'], to: ['assignee'] }],
        templates: { 'request.asign': { 'zh-CN': { title: '派单', text: '{title}' } } } as never,
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: ['notifications', 'rules', 0, 'on', 0], code: 'invalid_value', suggestion: 'request.assign' }),
      expect.objectContaining({ path: ['notifications', 'templates', 'request.asign'], code: 'unrecognized_keys', suggestion: 'request.assign' }),
    ]);
  });

  it("checks a core event's placeholders even when another template is wrong", () => {
    const problems = problemsOf(
      withNotifications({
        templates: {
          'request.assign': { 'zh-CN': { title: '派单', text: '请于{dueAt}前办结' } },
          'request.reply': { en: { title: '', text: 'Replied.' } },
        },
      }),
    );
    expect(problems.map((p) => p.path.join('.'))).toEqual(['notifications.templates.request.reply.en.title', 'notifications.templates.request.assign.zh-CN.text']);
    expect(problems[1]?.message).toContain('unknown placeholder {dueAt}');
  });

  it('positions the problem in YAML text', () => {
    const yaml = `
routing:
  fallback: { assign: { role: station_head } }
notifications:
  rules:
    - on: [progress-reports.report_du]
      to: [assignee]
`;
    let issues: unknown[] = [];
    try {
      parseOfficeConfig(yaml, { notificationEvents: DECLARED });
    } catch (error) {
      issues = (error as { details: { issues: unknown[] } }).details.issues;
    }
    expect(issues).toEqual([expect.objectContaining({ path: ['notifications', 'rules', 0, 'on', 0], line: 6, suggestion: 'progress-reports.report_due' })]);
  });
});

describe('plugin notification events through the community', () => {
  it('config.update accepts the events the installed plugins declare and refuses others', async () => {
    const fx = await smallOffice({ plugins: [reports()] });
    const stored = await fx.system.config.update(withNotifications({ rules: [{ on: ['progress-reports.report_overdue'], to: ['assignee', 'watchers'] }] }));
    expect(stored.config.notifications?.rules[0]?.on).toEqual(['progress-reports.report_overdue']);
    const error = await rejection(fx.system.config.update(withNotifications({ rules: [{ on: ['progress-reports.report_overdu'], to: ['assignee'] }] })), 'VALIDATION_FAILED');
    expect(error.details['issues']).toEqual([expect.objectContaining({ path: ['notifications', 'rules', 0, 'on', 0], code: 'unknown_event', suggestion: 'progress-reports.report_overdue' })]);
  });

  it("createCommunity({ config }) checks the host's file against the plugins too", async () => {
    const config = withNotifications({ templates: { 'progress-reports.due': { en: { title: 'Due', text: 'Due soon.' } } } });
    const fx = await smallOffice({ plugins: [reports()], config });
    const error = await rejection(fx.community.ready(), 'VALIDATION_FAILED');
    expect(error.details['issues']).toEqual([expect.objectContaining({ path: ['notifications', 'templates', 'progress-reports.due'], code: 'unknown_event' })]);
  });
});
