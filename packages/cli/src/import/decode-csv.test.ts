import { describe, expect, it } from 'vitest';
import { encodeGbk } from './__fixtures__/encode-gbk.js';
import { decodeCsv } from './decode-csv.js';

const sample = '园区编码,园区名称,类型\r\nP01,梦创科技园,园区\r\nP02,仓前厂区,厂区\r\n';

describe('decodeCsv', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(new TextEncoder().encode(sample))).toEqual({ text: sample, encoding: 'utf8', bom: false });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(decodeCsv(bytes)).toEqual({ text: sample, encoding: 'utf8', bom: true });
  });

  it('recognises GBK, as Excel in mainland China saves it', () => {
    const bytes = encodeGbk(sample);
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(sample).length);
    expect(decodeCsv(bytes)).toEqual({ text: sample, encoding: 'gbk', bom: false });
  });

  it('reads GBK text with the rarer characters of company names', () => {
    const text = '统一社会信用代码,企业名称\r\n91330110MA27Y0XXXX,杭州鑫淼犇科技有限公司（余杭）\r\n';
    expect(decodeCsv(encodeGbk(text)).text).toBe(text);
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('code,name\nP01,Park\n')).encoding).toBe('utf8');
  });

  it('decodes as told when the encoding is forced', () => {
    expect(decodeCsv(encodeGbk(sample), 'gbk').text).toBe(sample);
    const forcedUtf8 = decodeCsv(encodeGbk(sample), 'utf8');
    expect(forcedUtf8.encoding).toBe('utf8');
    expect(forcedUtf8.text).toContain('\uFFFD');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ text: '', encoding: 'utf8', bom: false });
  });
});
