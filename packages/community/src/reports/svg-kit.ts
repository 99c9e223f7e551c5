import { escapeHtml } from './html-escape.js';

/** The drawing width of every chart, in SVG units; the page scales it to the printable width. */
export const CHART_WIDTH = 680;

/** The colours of the charts: distinct in colour and in grey, so a black-and-white print still reads. */
export const palette = {
  collected: '#9cc3e6',
  resolved: '#1d4e89',
  response: '#1d4e89',
  resolution: '#3a9b5c',
  satisfaction: '#e08a2c',
  overdue: '#c0392b',
  axis: '#4a5568',
  grid: '#e2e8f0',
  text: '#1a202c',
  muted: '#4a5568',
} as const;

const round = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * Axis ticks from 0 to a round number at or above `max`, 1, 2 or 5 times a power of ten
 * apart, about `count` of them; whole numbers only, for counts.
 *
 * @example
 * ```ts
 * niceTicks(38); // [0, 10, 20, 30, 40]
 * ```
 */
export function niceTicks(max: number, count = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power));
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/**
 * About how wide a text is drawn at a font size: CJK characters are square, Latin letters
 * and digits about half as wide. Good enough to fit labels, not to typeset.
 *
 * @example
 * ```ts
 * textWidth('P01 园区', 10); // 42.4
 * ```
 */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return width * fontSize;
}

/**
 * A text cut with an ellipsis to fit `width` at `fontSize`.
 *
 * @example
 * ```ts
 * fitText('杭州未来科技城数字经济产业园', 60, 10); // '杭州未来科…'
 * ```
 */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let cut = '';
  for (const ch of text) {
    if (textWidth(`${cut}${ch}…`, fontSize) > width) break;
    cut += ch;
  }
  return `${cut}…`;
}

/** Attributes of an SVG text element besides its position. */
export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  weight?: 'normal' | 'bold';
  /** Rotation in degrees around the text's own position. */
  rotate?: number;
  /** Vertical alignment: `middle` centres the text on `y`. */
  baseline?: 'middle' | 'auto';
}

/**
 * An escaped SVG `<text>` element.
 *
 * @example
 * ```ts
 * svgText(10, 20, 'A & B', { anchor: 'end' }); // '<text x="10" y="20" … text-anchor="end">A &amp; B</text>'
 * ```
 */
export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const attrs = [`x="${round(x)}"`, `y="${round(y)}"`, `font-size="${options.size ?? 11}"`];
  if (options.anchor && options.anchor !== 'start') attrs.push(`text-anchor="${options.anchor}"`);
  if (options.fill) attrs.push(`fill="${options.fill}"`);
  if (options.weight === 'bold') attrs.push('font-weight="bold"');
  if (options.baseline === 'middle') attrs.push('dominant-baseline="central"');
  if (options.rotate) attrs.push(`transform="rotate(${options.rotate} ${round(x)} ${round(y)})"`);
  return `<text ${attrs.join(' ')}>${escapeHtml(text)}</text>`;
}

/**
 * An SVG `<rect>`.
 *
 * @example
 * ```ts
 * svgRect(0, 0, 10, 5, '#000'); // '<rect x="0" y="0" width="10" height="5" fill="#000"/>'
 * ```
 */
export function svgRect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, width))}" height="${round(Math.max(0, height))}" fill="${fill}"/>`;
}

/**
 * An SVG `<line>`, 1 unit wide unless told; `dashed` for separators.
 *
 * @example
 * ```ts
 * svgLine(0, 0, 100, 0, '#ccc');
 * ```
 */
export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke: string, dashed = false): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="1"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
}

/**
 * A legend: a swatch and a label per series, laid out left to right from `x`.
 *
 * @example
 * ```ts
 * svgLegend(0, 12, [{ label: '收集', color: '#9cc3e6' }]);
 * ```
 */
export function svgLegend(x: number, y: number, items: readonly { label: string; color: string }[]): string {
  let at = x;
  const parts: string[] = [];
  for (const item of items) {
    parts.push(svgRect(at, y - 5, 12, 10, item.color), svgText(at + 16, y, item.label, { size: 11, baseline: 'middle', fill: palette.text }));
    at += 16 + textWidth(item.label, 11) + 18;
  }
  return parts.join('');
}

/**
 * The `<svg>` element around a chart: scales to the width it is given, with a title that
 * screen readers announce.
 *
 * @example
 * ```ts
 * svgFrame('chart-by-month', '各月收集与解决', 240, '…');
 * ```
 */
export function svgFrame(id: string, title: string, height: number, body: string): string {
  return (
    `<svg id="${escapeHtml(id)}" class="chart" viewBox="0 0 ${CHART_WIDTH} ${round(height)}" ` +
    `width="${CHART_WIDTH}" height="${round(height)}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`
  );
}
