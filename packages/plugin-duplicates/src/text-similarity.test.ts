import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textUnits } from './normalize-text.js';
import { MAX_SCORED_UNITS, sharedPassage, textSimilarity } from './text-similarity.js';

// Texts built from units and the separators a person might type between them.
const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const unit = fc.oneof({ weight: 3, arbitrary: hanChar }, { weight: 1, arbitrary: word });
const separator = fc.constantFrom(' ', '，', '。', '！', '、', '\u3000', '\n', '（', '）', '“', '”', ',', '.', '-', '……');
const separators = fc.array(separator, { maxLength: 3 }).map((s) => s.join(''));
const units = fc.array(unit, { minLength: 1, maxLength: 40 });

/** Writes units out with separators: two words always get at least a space between them. */
function spell(list: readonly string[], gaps: readonly string[]): string {
  return list
    .map((u, i) => {
      const previous = list[i - 1];
      const gap = gaps[i] ?? '';
      const needsGap = previous !== undefined && /^[a-z0-9]/.test(u) && /[a-z0-9]$/.test(previous);
      return (needsGap && gap === '' ? ' ' : gap) + u;
    })
    .join('');
}
const spelled = units.chain((list) => fc.array(separators, { minLength: list.length, maxLength: list.length }).map((gaps) => ({ list, text: spell(list, gaps) })));

describe('textSimilarity properties', () => {
  it('is symmetric', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => textSimilarity(a, b) === textSimilarity(b, a)));
    fc.assert(fc.property(spelled, spelled, (a, b) => textSimilarity(a.text, b.text) === textSimilarity(b.text, a.text)));
  });

  it('is 1 for identical text', () => {
    fc.assert(fc.property(fc.string(), (a) => textSimilarity(a, a) === 1));
    fc.assert(fc.property(spelled, (a) => textSimilarity(a.text, a.text) === 1));
  });

  it('is 0 for texts without a unit in common', () => {
    const latin = fc.array(fc.stringMatching(/^[a-m]{1,6}$/), { minLength: 1, maxLength: 20 });
    const han = fc.array(hanChar, { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(latin, han, (a, b) => textSimilarity(a.join(' '), b.join('')) === 0));
    fc.assert(
      fc.property(han, han, (a, b) => {
        fc.pre(!a.some((c) => b.includes(c)));
        return textSimilarity(a.join(''), b.join('')) === 0;
      }),
    );
  });

  it('does not change when punctuation and whitespace change', () => {
    fc.assert(
      fc.property(spelled, spelled, fc.array(separators, { maxLength: 41 }), fc.array(separators, { maxLength: 41 }), (a, b, gapsA, gapsB) => {
        const before = textSimilarity(a.text, b.text);
        return textSimilarity(spell(a.list, gapsA), spell(b.list, gapsB)) === before;
      }),
    );
  });

  it('stays between 0 and 1', () => {
    fc.assert(
      fc.property(spelled, spelled, (a, b) => {
        const score = textSimilarity(a.text, b.text);
        return score >= 0 && score <= 1;
      }),
    );
  });
});

describe('textSimilarity on requests', () => {
  it('scores a reworded request about the same matter high and an unrelated one low', () => {
    const original = '40余个项目尾款未结，没有签合同，只有聊天记录';
    expect(textSimilarity(original, '40余个项目尾款未结！没有签合同，只有微信聊天记录')).toBeGreaterThan(0.9);
    expect(textSimilarity(original, '有40多个项目的尾款一直未结，没签合同，只有聊天记录')).toBeGreaterThan(0.6);
    expect(textSimilarity(original, '申请高新技术企业认定需要准备哪些材料')).toBeLessThan(0.1);
  });

  it('treats full-width and half-width, upper and lower case alike', () => {
    expect(textSimilarity('ＥＲＰ系统无法登录', 'erp系统无法登录')).toBe(1);
  });

  it('compares only the opening of very long texts', () => {
    const head = '厂区门口道路破损'.repeat(MAX_SCORED_UNITS / 8);
    expect(textSimilarity(head, `${head}${'雨天积水严重'.repeat(500)}`)).toBe(1);
  });
});

describe('sharedPassage', () => {
  it('finds the longest run the texts share', () => {
    expect(sharedPassage(textUnits('请协助追讨40余个项目尾款'), textUnits('40余个项目尾款未结'))).toBe('40余个项目尾款');
    expect(sharedPassage(textUnits('ERP 系统无法登录'), textUnits('erp系统今天无法登录'))).toBe('无法登录');
  });

  it('is empty when nothing is shared', () => {
    expect(sharedPassage(textUnits('道路破损'), textUnits('人才政策'))).toBe('');
  });
});
