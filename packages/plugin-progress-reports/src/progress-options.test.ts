import { createCommunity, isKechuangError, memoryStorage, type KechuangError } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { isLongRunning, owesReports } from './long-running.js';
import { progressReportsOptions, type ProgressReportsOptionsInput } from './progress-options.js';
import { progressReports } from './progress-reports-plugin.js';

/** The error `createCommunity` refuses the options with. */
function refusal(options: unknown): KechuangError {
  try {
    createCommunity({ storage: memoryStorage(), plugins: [progressReports(options as ProgressReportsOptionsInput)] });
  } catch (error) {
    if (isKechuangError(error)) return error;
    throw error;
  }
  throw new Error('createCommunity accepted the options');
}

describe('the options', () => {
  it('default to a report every 5 working days on requests tagged 长期办理', () => {
    expect(progressReportsOptions.parse(undefined)).toEqual({
      intervalWorkingDays: 5,
      when: { tags: ['长期办理'] },
      concludedStatuses: ['replied', 'closed', 'withdrawn', 'merged'],
      template: {},
    });
    expect(() => createCommunity({ storage: memoryStorage(), plugins: [progressReports()] })).not.toThrow();
  });

  it.each([0, -3, 2.5])('refuse an interval of %s at createCommunity, naming the plugin', (interval) => {
    const error = refusal({ intervalWorkingDays: interval });
    expect(error.code).toBe('PLUGIN_ERROR');
    expect(error.message).toContain("plugin 'progress-reports' option intervalWorkingDays:");
    expect(error.message).toMatch(/whole number of working days|at least 1 working day/);
  });

  it('refuse a rule that marks nothing long-running, or a misspelt one', () => {
    expect(refusal({ when: {} }).message).toContain("plugin 'progress-reports' option when: name at least one tag, SLA policy or category");
    expect(refusal({ when: { tags: [] } }).message).toContain('name at least one tag, SLA policy or category');
    expect(refusal({ when: { tag: ['长期办理'] } }).message).toContain('option when:');
  });

  it('refuse a template with a placeholder a report does not fill, listing those it does', () => {
    const error = refusal({ template: { 'zh-CN': { title: '进展：{title}', text: '已办理{elapsedDays}' } } });
    expect(error.message).toContain("plugin 'progress-reports' option template.zh-CN.text: unknown placeholder {elapsedDays}");
    expect(error.message).toContain('{elapsed}');
    expect(error.message).toContain('{submittedOn}');
  });

  it('list every problem at once', () => {
    const { details } = refusal({ intervalWorkingDays: 0, when: {}, template: { en: { title: '', text: 'x' } } });
    expect(details['problems']).toHaveLength(3);
  });
});

describe('which requests owe reports', () => {
  const request = { tags: ['园区长上报'], slaPolicy: 'complex', category: 'planning', status: 'in_progress' };

  it('matches any list given', () => {
    expect(isLongRunning({ tags: ['长期办理'] }, request)).toBe(false);
    expect(isLongRunning({ tags: ['长期办理', '园区长上报'] }, request)).toBe(true);
    expect(isLongRunning({ slaPolicies: ['complex'] }, request)).toBe(true);
    expect(isLongRunning({ slaPolicies: ['complex'] }, { ...request, slaPolicy: null })).toBe(false);
    expect(isLongRunning({ tags: ['长期办理'], categories: ['planning'] }, request)).toBe(true);
  });

  it('stops owing them once concluded', () => {
    const concluded = ['replied', 'closed', 'withdrawn', 'merged'];
    expect(owesReports({ categories: ['planning'] }, concluded, request)).toBe(true);
    for (const status of concluded) expect(owesReports({ categories: ['planning'] }, concluded, { ...request, status })).toBe(false);
  });
});
