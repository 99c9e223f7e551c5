import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, padDisplay } from './text-width.js';

describe('terminal widths', () => {
  it('counts Chinese characters and fullwidth punctuation as two columns', () => {
    expect(displayWidth('legal')).toBe(5);
    expect(displayWidth('法律服务')).toBe(8);
    expect(displayWidth('命中（是）')).toBe(10);
    expect(displayWidth('✓ matched')).toBe(9);
    expect(padDisplay('规则', 6)).toBe('规则  ');
  });

  it('aligns columns of mixed text, leaving each row’s last cell unpadded', () => {
    const lines = formatTable([
      ['规则', '结果', '说明'],
      ['legal_debts', '✓ 命中', ''],
      ['economic_matters', '– 未判断', 'a long remark that does not widen the column'],
    ]);
    expect(lines).toEqual(['规则              结果      说明', 'legal_debts       ✓ 命中', 'economic_matters  – 未判断  a long remark that does not widen the column']);
  });
});
