// A Han, kana or Hangul character: each is one unit, since these scripts do not mark word
// boundaries. Any other run of letters, digits and combining marks is one unit (a word).
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const UNIT = new RegExp(`([${CJK}])|((?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

/**
 * Splits text into the units similarity is measured on: one unit per Chinese (or Japanese,
 * Korean) character, one per Latin word or number. Full-width forms become half-width
 * (NFKC), letters lower-case, and punctuation, symbols and whitespace are dropped.
 *
 * @example
 * ```ts
 * textUnits('ＡＢＣ公司，40余个项目！'); // ['abc', '公', '司', '40', '余', '个', '项', '目']
 * ```
 */
export function textUnits(text: string): string[] {
  const units: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(UNIT)) units.push(match[0]);
  return units;
}

/**
 * Joins units back into one display string: words keep a space between them, Chinese
 * characters none. Two texts have the same normalised text exactly when they have the same
 * units, so this string is also what "identical text" compares.
 *
 * @example
 * ```ts
 * joinUnits(['wifi', '6', '信', '号']); // 'wifi 6信号'
 * ```
 */
export function joinUnits(units: readonly string[]): string {
  let out = '';
  let previousWord = false;
  for (const unit of units) {
    const word = !isCjkUnit(unit);
    if (word && previousWord) out += ' ';
    out += unit;
    previousWord = word;
  }
  return out;
}

/**
 * The normalised text of a request or any string: {@link textUnits} joined by
 * {@link joinUnits}.
 *
 * @example
 * ```ts
 * normalizeText(' 尾款 未结。Ｐａｙ  now! '); // '尾款未结pay now'
 * ```
 */
export function normalizeText(text: string): string {
  return joinUnits(textUnits(text));
}

const CJK_UNIT = new RegExp(`^[${CJK}]$`, 'u');

function isCjkUnit(unit: string): boolean {
  return CJK_UNIT.test(unit);
}
