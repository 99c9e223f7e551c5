import { describe, expect, it } from 'vitest';
import { joinUnits, normalizeText, textUnits } from './normalize-text.js';

describe('textUnits', () => {
  it('splits Chinese into characters and keeps Latin words and numbers whole', () => {
    expect(textUnits('40余个项目尾款未结')).toEqual(['40', '余', '个', '项', '目', '尾', '款', '未', '结']);
    expect(textUnits('WiFi 6 信号差')).toEqual(['wifi', '6', '信', '号', '差']);
  });

  it('turns full-width forms into half-width and upper case into lower case', () => {
    expect(textUnits('ＡＢＣ公司１２３')).toEqual(['abc', '公', '司', '123']);
    expect(textUnits('ＩＴ部门')).toEqual(textUnits('it部门'));
  });

  it('drops Chinese and Latin punctuation, symbols and every kind of space', () => {
    expect(textUnits('尾款，未结！（急）\u3000“合同”……')).toEqual(['尾', '款', '未', '结', '急', '合', '同']);
    expect(textUnits(' \t\n，。、；：？！—— ~@#￥%')).toEqual([]);
  });

  it('a word ends where a Chinese character starts, with or without a space', () => {
    expect(textUnits('ERP系统')).toEqual(['erp', '系', '统']);
    expect(textUnits('ERP 系统')).toEqual(['erp', '系', '统']);
  });
});

describe('normalizeText', () => {
  it('writes Chinese without spaces and separates words with one space', () => {
    expect(normalizeText(' 尾款 未结。Ｐａｙ  now! ')).toBe('尾款未结pay now');
    expect(joinUnits(['erp', '系', '统', 'v', '2'])).toBe('erp系统v 2');
  });

  it('gives the same text for the same units, and different text for different units', () => {
    expect(normalizeText('项目：尾款！')).toBe(normalizeText('项目 尾款'));
    expect(normalizeText('ab c')).not.toBe(normalizeText('a bc'));
  });
});
