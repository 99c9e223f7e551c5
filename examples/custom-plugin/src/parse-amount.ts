/**
 * Sums of money as people write them down on a Chinese intake form or hand them over from a
 * 12345 ticket: `12万元`, `约12万`, `40余万元`, `1.2亿`, `80,000元`, `¥3500`, `三千五百元`,
 * `壹拾贰万元整` (the capital numerals of invoices and contracts), and the spoken short forms
 * `8万5` (85,000) and `一千五` (1,500).
 */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// Capital (大写) and traditional forms, read as their everyday equivalents.
const PLAIN: Readonly<Record<string, string>> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  〇: '零', 拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿', 圆: '元',
};

/** Largest first: a number is split at its largest unit, and each side read on its own. */
const UNITS: readonly (readonly [string, number])[] = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
  ['十', 10],
];

// Words around the number that do not change it: "about", "in total", the currency. Longer
// words first, so that 共计 is not read as 共 followed by 计.
const PREFIX = /^(?:大约|大概|将近|接近|共计|合计|总计|累计|总共|人民币|约|近|共|rmb|cny|¥)/i;
const SUFFIX = /(?:元整|元|块钱|块|整|左右|以上|人民币|rmb|cny)$/i;

/** A number without units: Arabic digits (with a decimal part), or one Chinese digit. */
function readBare(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return DIGITS[text] ?? null;
}

/** Reads `text` with the units from `from` on (larger units have been split off already). */
function readNumber(text: string, from: number): number | null {
  if (text === '') return null;
  for (let i = from; i < UNITS.length; i++) {
    const [unit, size] = UNITS[i] as readonly [string, number];
    const at = text.indexOf(unit);
    if (at === -1) continue;
    const head = text.slice(0, at);
    // `十二` is twelve: a leading 十 has an implied one. Other units need a number before them.
    const multiple = head === '' && unit === '十' ? 1 : readNumber(head, i + 1);
    if (multiple === null) return null;
    let rest = text.slice(at + unit.length);
    if (rest === '') return multiple * size;
    const zero = rest.startsWith('零');
    rest = rest.replace(/^零+/, '');
    // Spoken short form: one digit straight after a unit counts in the next unit down,
    // `8万5` = 85,000 and `一千五` = 1,500 (but `一千零五` = 1,005).
    const short = zero ? null : readBare(rest);
    if (short !== null && /^[\d一二两三四五六七八九]$/.test(rest)) return multiple * size + (short * size) / 10;
    const below = readNumber(rest, i + 1);
    if (below === null || below >= size) return null;
    return multiple * size + below;
  }
  return readBare(text);
}

/**
 * The sum `value` states, in yuan (rounded to the fen), or null when it is not a sum of money:
 * a number is taken as yuan; a text must hold one amount and nothing else, so `不清楚`,
 * `12万或15万`, `-5000` and `3元5角` are null (jiao and fen are not read).
 *
 * @example
 * ```ts
 * parseAmount('约12万元');     // 120000
 * parseAmount('40余万元');     // 400000
 * parseAmount('壹拾贰万元整'); // 120000
 * parseAmount('8万5');         // 85000
 * parseAmount(3500);           // 3500
 * parseAmount('不清楚');       // null
 * ```
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) / 100 : null;
  if (typeof value !== 'string') return null;
  // NFKC makes full-width digits, commas and the yen sign plain; grouping commas and spaces go.
  let text = value.normalize('NFKC').replace(/\s+/g, '').replace(/(\d),(?=\d)/g, '$1');
  text = [...text].map((c) => PLAIN[c] ?? c).join('');
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(PREFIX, '').replace(SUFFIX, '');
  }
  // `40余万`, `12万多`: "more than" reads as the round figure.
  text = text.replace(/(?<=[\d零一二两三四五六七八九十百千万亿])[余多]/g, '');
  if (!/^[\d.零一二两三四五六七八九十百千万亿]+$/.test(text)) return null;
  const yuan = readNumber(text, 0);
  return yuan === null || !Number.isFinite(yuan) ? null : Math.round(yuan * 100) / 100;
}
