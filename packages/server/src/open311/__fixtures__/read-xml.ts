/** An element as the tests see it: its name, its text (entities decoded) and its children. */
export interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TOKEN = /<\/([^\s>]+)>|<([^\s>/]+)\s*(\/)?>|([^<]+)/gy;

/**
 * Reads the element-only XML the Open311 routes write (a declaration, elements, text, the five
 * entities) and fails on anything not well formed: a tag that does not close, a stray `<` or
 * `&`, text outside the root. Enough to check structure without a parser dependency.
 */
export function readXml(xml: string): XmlNode {
  const declaration = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/;
  if (!declaration.test(xml)) throw new Error('No XML declaration with encoding="utf-8"');
  const body = xml.replace(declaration, '').trimEnd();
  const root: XmlNode = { name: '#document', text: '', children: [] };
  const stack: XmlNode[] = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(body);
    if (!match) throw new Error(`Not well formed at ${at}: ${body.slice(at, at + 40)}`);
    const [, close, open, selfClosing, text] = match;
    const top = stack[stack.length - 1] as XmlNode;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`A bare & in: ${text}`);
      if (stack.length === 1) throw new Error(`Text outside the root: ${text}`);
      top.text += text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] as string);
    } else if (open !== undefined) {
      const node: XmlNode = { name: open, text: '', children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    } else if (close !== top.name) {
      throw new Error(`</${close}> closes <${top.name}>`);
    } else {
      stack.pop();
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('Unclosed elements, or not exactly one root');
  return root.children[0] as XmlNode;
}

/** The child elements' names, in order. */
export const names = (node: XmlNode): string[] => node.children.map((c) => c.name);

/** The text of the first child called `name`. */
export function childText(node: XmlNode, name: string): string | undefined {
  return node.children.find((c) => c.name === name)?.text;
}
