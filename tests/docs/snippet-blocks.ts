/** One fenced ```ts block of a Markdown file. */
export interface SnippetBlock {
  /** The Markdown file, relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line of the block's first code line (the line after the opening fence). */
  line: number;
  /** The code, with the fence's own indentation removed. */
  code: string;
  /** Marked ```ts ignore: deliberately partial, listed but not compiled. */
  ignored: boolean;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)(.*)$/;
const TS_LANGUAGES = new Set(['ts', 'typescript']);

/**
 * Every ```ts (or ```typescript) block of `markdown`, in order. Fences follow CommonMark: up to
 * three spaces of indentation, three or more backticks or tildes, closed by a fence of the same
 * character at least as long. Blocks in other languages are skipped. `ts ignore` in the info
 * string marks a block as ignored.
 *
 * @example
 * const [block] = extractSnippetBlocks('docs/a.md', 'Text\n\n```ts\nconst a = 1;\n```\n');
 * block?.line; // 4
 */
export function extractSnippetBlocks(file: string, markdown: string): SnippetBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: SnippetBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const opening = OPENING.exec(lines[index] ?? '');
    if (!opening) {
      index += 1;
      continue;
    }
    const [, indent = '', fence = '', language = '', rest = ''] = opening;
    // A backtick fence's info string may not contain backticks: such a line is inline code.
    if (fence.startsWith('`') && rest.includes('`')) {
      index += 1;
      continue;
    }
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !closing.test(lines[end] ?? '')) {
      body.push(dedent(lines[end] ?? '', indent.length));
      end += 1;
    }
    if (TS_LANGUAGES.has(language.toLowerCase())) {
      const ignored = rest.trim().split(/\s+/).includes('ignore');
      blocks.push({ file, line: index + 2, code: body.join('\n'), ignored });
    }
    index = end + 1;
  }
  return blocks;
}

/** Removes up to `width` leading spaces, as CommonMark does for an indented fence's content. */
function dedent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && line[cut] === ' ') cut += 1;
  return line.slice(cut);
}
