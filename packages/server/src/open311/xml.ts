/**
 * The little XML that GeoReport v2 needs: elements and text, no attributes, no namespaces. A
 * value maps to XML the way the spec's "Spark convention" maps JSON: an object is an element
 * with one child per key, an array repeats its item element, null is an empty element.
 */
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [key: string]: XmlValue };

// XML 1.0 allows tab, LF, CR and the ranges below; anything else (control characters, lone
// surrogates, U+FFFE/U+FFFF) makes the whole document unparseable, so it is dropped.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for an XML element's content: escaped, and without characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function element(name: string, value: XmlValue, itemName: (listName: string) => string): string {
  if (!NAME.test(name)) throw new TypeError(`'${name}' is not a valid XML element name.`);
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemName(name);
    return `<${name}>${value.map((v) => element(item, v, itemName)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, XmlValue>).map(([key, child]) => element(key, child, itemName));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

/**
 * Serialises `value` as a UTF-8 XML document with `root` as its root element. `itemName`
 * names the repeated element of each list (`services` → `service`).
 *
 * @example
 * ```ts
 * toXml('services', [{ service_code: 'legal', metadata: true }], () => 'service');
 * // <?xml version="1.0" encoding="utf-8"?>
 * // <services><service><service_code>legal</service_code><metadata>true</metadata></service></services>
 * ```
 */
export function toXml(root: string, value: XmlValue, itemName: (listName: string) => string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemName)}\n`;
}
