import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalNumbers } from './mask.js';

// What must never reach a channel: an 11-digit mobile (also written 3-4-4 with spaces or
// hyphens) or an 18-character ID number, standing alone (not inside a longer run of digits).
const UNMASKED_MOBILE = /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/;
const UNMASKED_ID = /(?<!\d)\d{17}[\dXx](?!\d)/;

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const mobile = fc.tuple(fc.constantFrom(...'3456789'), digits(8), digits(1), fc.constantFrom('', ' ', '-')).map(([second, middle, last, sep]) => ({
  raw: `1${second}${middle.slice(0, 1)}${sep}${middle.slice(1, 5)}${sep}${middle.slice(5)}${last}`,
  masked: `1${second}${middle.slice(0, 1)}****${middle.slice(5)}${last}`,
}));
const idNumber = fc.tuple(digits(17), fc.constantFrom(...'0123456789X')).map(([body, check]) => ({ raw: `${body}${check}`, masked: `${body.slice(0, 6)}********${body.slice(14)}${check}` }));

// Other text: words in any script, and short digit runs (dates, amounts, counts) that are
// neither a mobile nor an ID, kept apart from the numbers by a character that is not a digit.
const word = fc.string({ unit: fc.constantFrom(...'企业诉求尾款园区abcXYZ ,.:：，。（）()/-+#'), maxLength: 12 });
const shortNumber = fc.integer({ min: 1, max: 10 }).chain((n) => digits(n));
const separator = fc.constantFrom('：', ' 电话 ', '，', '(', ')', '\n', 'tel:', '号', '/');
const piece = fc.oneof(
  { weight: 3, arbitrary: word.map((w) => ({ raw: w, masked: w, plain: true })) },
  { weight: 1, arbitrary: shortNumber.map((n) => ({ raw: `号${n}号`, masked: `号${n}号`, plain: true })) },
  { weight: 1, arbitrary: mobile.map((m) => ({ ...m, plain: false })) },
  { weight: 1, arbitrary: idNumber.map((m) => ({ ...m, plain: false })) },
);
const text = fc.array(fc.tuple(piece, separator), { maxLength: 12 }).map((parts) => ({
  raw: parts.map(([p, s]) => `${p.raw}${s}`).join(''),
  masked: parts.map(([p, s]) => `${p.masked}${s}`).join(''),
}));

describe('maskPersonalNumbers', () => {
  it('masks mobiles as 138****1234 and IDs to their first 6 and last 4 characters', () => {
    expect(maskPersonalNumbers('联系人：张三 13812341234，身份证 33010619900101123X')).toBe('联系人：张三 138****1234，身份证 330106********123X');
    expect(maskPersonalNumbers('手机 +86 138-1234-5678')).toBe('手机 +86 138****5678');
    expect(maskPersonalNumbers('８６１３８１２３４５６７８')).toBe('８６１３８****５６７８');
    expect(maskPersonalNumbers('订单号 1381234567890 金额 12345678901')).toBe('订单号 1381234567890 金额 12345678901');
  });

  it('leaves no unmasked mobile or ID in any text, and changes nothing else', () => {
    fc.assert(
      fc.property(text, ({ raw, masked }) => {
        const out = maskPersonalNumbers(raw);
        expect(out).toBe(masked);
        expect(out).not.toMatch(UNMASKED_MOBILE);
        expect(out).not.toMatch(UNMASKED_ID);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds none left in arbitrary text either, and masking twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 -Xx+86诉求'), maxLength: 60 }), (raw) => {
        const out = maskPersonalNumbers(raw);
        expect(out).not.toMatch(UNMASKED_MOBILE);
        expect(out).not.toMatch(UNMASKED_ID);
        expect(maskPersonalNumbers(out)).toBe(out);
      }),
      { numRuns: 5000 },
    );
  });

  it('changes text without digits not at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (raw) => {
        fc.pre(!/[0-9０-９]/.test(raw));
        expect(maskPersonalNumbers(raw)).toBe(raw);
      }),
    );
  });
});
