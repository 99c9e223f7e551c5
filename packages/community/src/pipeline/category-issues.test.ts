import { describe, expect, it } from 'vitest';
import { officeConfigSchema } from '../config/config-schema.js';
import { categoryIssues } from './category-issues.js';

const config = officeConfigSchema.parse({
  version: 1,
  categories: [
    {
      id: 'legal',
      labels: { 'zh-CN': '法律服务', en: 'Legal services' },
      attributes: [
        { code: 'amount', labels: { 'zh-CN': '涉及金额', en: 'Amount' }, type: 'number', required: true },
        { code: 'kind', labels: { 'zh-CN': '类型', en: 'Kind' }, type: 'single', values: ['contract', 'labour'] },
        { code: 'parties', labels: { 'zh-CN': '当事方', en: 'Parties' }, type: 'multi', values: ['buyer', 'seller'] },
        { code: 'urgent', labels: { 'zh-CN': '加急', en: 'Urgent' }, type: 'boolean' },
      ],
    },
    { id: 'policy', labels: { 'zh-CN': '政策咨询', en: 'Policy' } },
  ],
  routing: { rules: [], fallback: { assign: { role: 'station_head' } } },
});

describe('categoryIssues', () => {
  it('accepts a well-formed submission, and attributes from other systems', () => {
    expect(categoryIssues(config, 'legal', { amount: 350000, kind: 'contract', parties: ['buyer'], urgent: false, 'open311.email': 'a@b.c' })).toEqual([]);
  });

  it('names an unknown category and lists the known ones', () => {
    const [issue] = categoryIssues(config, 'legl', {});
    expect(issue?.path).toEqual(['category']);
    expect(issue?.message).toContain('legal, policy');
  });

  it('reports every attribute problem at its own path, under a prefix', () => {
    const issues = categoryIssues(config, 'legal', { amount: '三十万', kind: 'tax', parties: ['judge'], urgent: 'yes', colour: 'red' }, ['requests', 1]);
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(
      ['requests.1.attributes.amount', 'requests.1.attributes.colour', 'requests.1.attributes.kind', 'requests.1.attributes.parties', 'requests.1.attributes.urgent'].sort(),
    );
  });

  it('requires required attributes, treating blank text as missing', () => {
    expect(categoryIssues(config, 'legal', {}).map((i) => i.path.join('.'))).toEqual(['attributes.amount']);
    expect(categoryIssues(config, 'legal', { amount: 1, kind: '  ' })).toEqual([]);
  });

  it('checks nothing when the config lists no categories', () => {
    expect(categoryIssues({ ...config, categories: [] }, 'anything', { x: 1 })).toEqual([]);
  });
});
