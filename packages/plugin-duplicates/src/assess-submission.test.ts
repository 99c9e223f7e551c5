import { describe, expect, it } from 'vitest';
import { assessSubmission, sameAttributes, type NewRequest } from './assess-submission.js';
import { duplicatesOptions } from './duplicates-options.js';
import type { EarlierRequest } from './earlier-request.js';

const options = duplicatesOptions.parse({});
const NOW = new Date('2026-03-10T01:00:00Z');

function earlier(id: string, extra: Partial<EarlierRequest> = {}): EarlierRequest {
  return {
    id,
    communityId: 'mc',
    enterpriseId: 'e1',
    parkId: 'p1',
    submittedById: null,
    category: 'legal',
    title: '40余个项目尾款未结',
    description: '没有签合同，只有聊天记录',
    attributes: {},
    attachmentHashes: [],
    status: 'submitted',
    closedAt: null,
    createdAt: new Date('2026-03-05T01:00:00Z'),
    duplicateOfId: null,
    duplicatesAction: null,
    ...extra,
  };
}

const fresh: NewRequest = { id: 'new', category: 'legal', title: '40余个项目尾款未结', description: '没有签合同，只有聊天记录', attributes: {}, attachmentHashes: [], createdAt: NOW };

describe('assessSubmission', () => {
  it('merges into the oldest of equally good matches', () => {
    const a = assessSubmission(fresh, { candidates: [earlier('b', { createdAt: new Date('2026-03-06T01:00:00Z') }), earlier('a')], sameSubject: [] }, options);
    expect(a.matches.map((m) => m.request.id)).toEqual(['a', 'b']);
    expect(a.mergeInto?.request.id).toBe('a');
  });

  it('does not merge into a request that is itself being merged away, but into its original', () => {
    // Equally alike; the one being merged away is older, so it leads the suggestions.
    const original = earlier('original');
    const leaving = earlier('leaving', { duplicatesAction: 'merge', createdAt: new Date('2026-03-04T01:00:00Z') });
    const a = assessSubmission(fresh, { candidates: [leaving, original], sameSubject: [] }, options);
    expect(a.matches[0]?.request.id).toBe('leaving');
    expect(a.mergeInto?.request.id).toBe('original');
  });

  it('does not merge when the only close match is being merged away', () => {
    const a = assessSubmission(fresh, { candidates: [earlier('leaving', { duplicatesAction: 'merge' })], sameSubject: [] }, options);
    expect(a.matches).toHaveLength(1);
    expect(a.mergeInto).toBeNull();
  });

  it('finds nothing for a text without letters or digits', () => {
    const blank = { ...fresh, title: '？？？', description: '……' };
    const a = assessSubmission(blank, { candidates: [earlier('a', { title: '！！', description: '' })], sameSubject: [earlier('a', { title: '！！', description: '' })] }, { ...options, maxRepeats: 1 });
    expect(a).toMatchObject({ matches: [], repeats: [], refused: false, mergeInto: null });
  });

  it('never compares a request with itself', () => {
    const a = assessSubmission(fresh, { candidates: [earlier('new')], sameSubject: [earlier('new')] }, { ...options, maxRepeats: 1 });
    expect(a).toMatchObject({ matches: [], repeats: [], refused: false });
  });
});

describe('sameAttributes', () => {
  it('ignores the order of keys but not of list items', () => {
    expect(sameAttributes({ amount: 200000, urgent: true }, { urgent: true, amount: 200000 })).toBe(true);
    expect(sameAttributes({ kinds: ['a', 'b'] }, { kinds: ['b', 'a'] })).toBe(false);
    expect(sameAttributes({ amount: 1 }, { amount: '1' })).toBe(false);
    expect(sameAttributes({}, { amount: null })).toBe(false);
  });
});
