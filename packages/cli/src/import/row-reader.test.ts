import { describe, expect, it } from 'vitest';
import { createCreditCodeFactory, createRandom } from '@kechuang/demo';
import { enterpriseColumns, memberColumns, type EnterpriseColumn, type MemberColumn } from './columns.js';
import { mapHeaders, type HeaderMap } from './header-map.js';
import { RowReader } from './row-reader.js';

function mapOf<K extends string>(mapping: ReturnType<typeof mapHeaders<K>>): HeaderMap<K> {
  if (!mapping.ok) throw new Error('headers refused');
  return mapping.map;
}

const enterpriseHeaders = ['credit_code', 'name', 'size', 'tags'];
const enterprises = mapOf<EnterpriseColumn>(mapHeaders(enterpriseColumns, enterpriseHeaders));
const members = mapOf<MemberColumn>(mapHeaders(memberColumns, ['code', 'name', 'mobile', 'email', 'roles']));
const enterpriseRow = (...cells: string[]) => new RowReader(enterprises, cells, enterpriseHeaders.length);
const memberRow = (...cells: string[]) => new RowReader(members, cells, 5);
const code = createCreditCodeFactory(createRandom(3)).next();

describe('RowReader', () => {
  it('tells a missing column (undefined) from a blank cell (null)', () => {
    const row = enterpriseRow(code, '  甲公司  ', '', '');
    expect([row.cell('name'), row.cell('size'), row.cell('industry')]).toEqual(['甲公司', null, undefined]);
    expect(row.reasons).toEqual([]);
  });

  it('upper-cases and checks credit codes, naming the problem', () => {
    expect(enterpriseRow(` ${code.toLowerCase()} `).creditCode('credit_code')).toBe(code);
    const wrong = `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
    const row = enterpriseRow(wrong);
    expect(row.creditCode('credit_code')).toBeUndefined();
    expect(row.reasons).toEqual([{ code: 'credit_code', column: 'credit_code', value: wrong, problem: expect.objectContaining({ kind: 'check_character', actual: wrong.slice(-1) }) }]);
    const blank = enterpriseRow('');
    blank.creditCode('credit_code');
    expect(blank.reasons).toEqual([{ code: 'required', column: 'credit_code' }]);
  });

  it('reads choices by any spelling and lists the allowed ones otherwise', () => {
    const choices = { small: 'small', 小型: 'small' } as const;
    expect(enterpriseRow(code, 'x', 'Small').choice('size', choices, ['小型'])).toBe('small');
    const row = enterpriseRow(code, 'x', '巨型');
    expect(row.choice('size', choices, ['小型', 'small'])).toBeUndefined();
    expect(row.reasons).toEqual([{ code: 'bad_choice', column: 'size', value: '巨型', allowed: ['小型', 'small'] }]);
  });

  it('splits list cells on Chinese and English separators, dropping repeats', () => {
    expect(enterpriseRow(code, 'x', '', '高新技术企业；专精特新、 瞪羚企业 ,高新技术企业').list('tags', 50, 50)).toEqual(['高新技术企业', '专精特新', '瞪羚企业']);
    expect(enterpriseRow(code, 'x', '', '').list('tags', 50, 50)).toEqual([]);
    const row = enterpriseRow(code, 'x', '', 'a;b;c');
    expect(row.list('tags', 2, 50)).toBeUndefined();
    expect(row.reasons).toEqual([{ code: 'too_many', column: 'tags', max: 2 }]);
  });

  it('counts text length in characters, not UTF-16 units', () => {
    expect(enterpriseRow(code, '𠀀'.repeat(200)).text('name', 200, true)).toBe('𠀀'.repeat(200));
    const row = enterpriseRow(code, '企'.repeat(201));
    expect(row.text('name', 200, true)).toBeUndefined();
    expect(row.reasons).toEqual([{ code: 'too_long', column: 'name', max: 200 }]);
  });

  it('reads whole numbers in range, with an optional unit', () => {
    const map = mapOf(mapHeaders([{ key: 'floors', zh: ['层数'], en: ['floors'], required: false }], ['floors']));
    const read = (value: string) => {
      const row = new RowReader(map, [value], 1);
      return [row.integer('floors', 1, 200, '层'), row.reasons.map((r) => r.code)];
    };
    expect(read('12')).toEqual([12, []]);
    expect(read('12层')).toEqual([12, []]);
    expect(read('0')).toEqual([undefined, ['bad_number']]);
    expect(read('3.5')).toEqual([undefined, ['bad_number']]);
    expect(read('十二')).toEqual([undefined, ['bad_number']]);
  });

  it('cleans mobile numbers and checks e-mail addresses as the core does', () => {
    expect(memberRow('A1', '甲', '+86 138-0013-8000').mobile('mobile')).toBe('13800138000');
    const bad = memberRow('A1', '甲', '1.38001E+10', 'someone@');
    expect([bad.mobile('mobile'), bad.email('email')]).toEqual([undefined, undefined]);
    expect(bad.reasons.map((r) => r.code)).toEqual(['bad_mobile', 'bad_email']);
    expect(memberRow('A1', '甲', '', 'lawyer@mengchuang.example').email('email')).toBe('lawyer@mengchuang.example');
  });

  it('checks codes against the core rule', () => {
    const row = memberRow('王 五');
    expect(row.code('code')).toBeUndefined();
    expect(row.reasons).toEqual([{ code: 'bad_code', column: 'code', value: '王 五' }]);
  });

  it('flags cells beyond the header that hold something', () => {
    expect(enterpriseRow(code, 'x', '', '', '', '').reasons).toEqual([]);
    expect(enterpriseRow(code, 'x', '', '', 'stray', '', 'more').reasons).toEqual([{ code: 'extra_cells', count: 2 }]);
  });
});
