import { describe, expect, it } from 'vitest';
import { fitText, niceTicks, svgFrame, svgText, textWidth } from './svg-kit.js';

describe('chart geometry', () => {
  it('picks round axis ticks from zero to at or above the largest value', () => {
    expect(niceTicks(38)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(460)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('fits labels to a width, CJK characters counting double', () => {
    expect(textWidth('园区', 10)).toBe(20);
    expect(textWidth('P01', 10)).toBeCloseTo(16.8, 6);
    expect(fitText('梦想小镇一号园', 200, 11)).toBe('梦想小镇一号园');
    expect(fitText('杭州未来科技城数字经济产业园', 60, 10)).toBe('杭州未来科…');
  });

  it('escapes what it writes into SVG', () => {
    expect(svgText(1, 2, '<b>&', { anchor: 'end' })).toBe('<text x="1" y="2" font-size="11" text-anchor="end">&lt;b&gt;&amp;</text>');
    expect(svgFrame('x"y', 'a<b', 10, '')).toBe('<svg id="x&quot;y" class="chart" viewBox="0 0 680 10" width="680" height="10" role="img" aria-label="a&lt;b"><title>a&lt;b</title></svg>');
  });
});
