import { describe, expect, it } from 'vitest';
import { toXml, xmlText } from './xml.js';

const items = (list: string) => ({ services: 'service', values: 'value' })[list] ?? 'item';

describe('toXml', () => {
  it('writes the declaration, objects as elements, lists as repeated items and null as an empty element', () => {
    const xml = toXml('services', [{ service_code: 'legal', metadata: true, order: 1, group: null, values: [{ key: 'a' }, { key: 'b' }] }], items);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<services><service><service_code>legal</service_code><metadata>true</metadata><order>1</order><group/>' +
        '<values><value><key>a</key></value><value><key>b</key></value></values></service></services>\n',
    );
  });

  it('writes an empty list as an element without children', () => {
    expect(toXml('services', [], items)).toContain('<services></services>');
  });

  it('escapes markup and drops characters XML 1.0 forbids, keeping CJK, emoji, tabs and line breaks', () => {
    expect(xmlText('<a href="x">Tom & Jerry\'s</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(xmlText('梦创\u0000社区\u0008\u001F\uFFFE\uFFFF')).toBe('梦创社区');
    expect(xmlText('\uD800lone\uDC00 surrogates')).toBe('lone surrogates');
    expect(xmlText('line 1\r\nline\t2 🏭')).toBe('line 1\r\nline\t2 🏭');
  });

  it('refuses an element name that is not a valid XML name', () => {
    expect(() => toXml('services', { 'bad name': 1 }, items)).toThrow(TypeError);
  });
});
