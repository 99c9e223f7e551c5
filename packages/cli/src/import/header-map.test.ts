import { describe, expect, it } from 'vitest';
import { enterpriseColumns, memberColumns, parkColumns } from './columns.js';
import { mapHeaders, normaliseHeader } from './header-map.js';

describe('normaliseHeader', () => {
  it('ignores case, spacing, required markers and bracketed notes', () => {
    expect(normaliseHeader(' Credit Code ')).toBe('credit_code');
    expect(normaliseHeader('credit-code')).toBe('credit_code');
    expect(normaliseHeader('\uFEFF园区编码*')).toBe('园区编码');
    expect(normaliseHeader('类型（园区/厂区）')).toBe('类型');
    expect(normaliseHeader('kind (park/factory_area)')).toBe('kind');
  });
});

describe('mapHeaders', () => {
  it('maps Chinese headers', () => {
    const mapping = mapHeaders(parkColumns, ['园区编码', '园区名称', '所属社区编码', '社区名称', '类型', '地址']);
    expect(mapping.ok && Object.fromEntries(mapping.map.index)).toEqual({ code: 0, name: 1, community: 2, community_name: 3, kind: 4, address: 5 });
  });

  it('maps English headers in any order and mixed with Chinese ones', () => {
    const mapping = mapHeaders(enterpriseColumns, ['Name', 'credit_code', '园区编码', 'TAGS']);
    expect(mapping.ok && Object.fromEntries(mapping.map.index)).toEqual({ name: 0, credit_code: 1, park: 2, tags: 3 });
  });

  it('labels columns as the file writes them', () => {
    const mapping = mapHeaders(enterpriseColumns, ['统一社会信用代码*', 'Name']);
    expect(mapping.ok && [mapping.map.label('credit_code'), mapping.map.label('name'), mapping.map.label('size')]).toEqual(['统一社会信用代码*', 'Name', '规模']);
  });

  it('ignores the columns a rejects file adds, and blank headers', () => {
    const mapping = mapHeaders(parkColumns, ['行号', '园区编码', '园区名称', '所属社区编码', '', '原因']);
    expect(mapping.ok && Object.fromEntries(mapping.map.index)).toEqual({ code: 1, name: 2, community: 3 });
    expect(mapHeaders(parkColumns, ['line', 'code', 'name', 'community', 'reason']).ok).toBe(true);
  });

  it('reports unknown headers and missing required columns together', () => {
    const mapping = mapHeaders(memberColumns, ['工号', '名字', '手机']);
    expect(mapping).toEqual({
      ok: false,
      problems: [
        { kind: 'unknown', header: '名字' },
        { kind: 'missing', key: 'name' },
        { kind: 'missing', key: 'roles' },
      ],
    });
  });

  it('refuses a column given twice', () => {
    const mapping = mapHeaders(parkColumns, ['code', '园区编码', 'name', 'community']);
    expect(mapping).toEqual({ ok: false, problems: [{ kind: 'duplicate', key: 'code', headers: ['code', '园区编码'] }] });
  });

  it('refuses a file without a header row', () => {
    expect(mapHeaders(parkColumns, [])).toEqual({ ok: false, problems: [{ kind: 'empty' }] });
  });
});
