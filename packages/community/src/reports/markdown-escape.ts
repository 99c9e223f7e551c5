/**
 * A text from people (a unit's name, the office's) as literal Markdown inline text: every
 * character that could start emphasis, code, a link, raw HTML, an entity or a table cell is
 * backslash-escaped, bare web addresses are kept from turning into links, and line breaks
 * become spaces so that a table row stays one line.
 *
 * @example
 * ```ts
 * markdownText('A|B <script>'); // 'A\\|B \\<script\\>'
 * ```
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\\`*_[\]<>|~&!]/g, (ch) => `\\${ch}`)
    // GitHub-flavoured Markdown links bare addresses; an escaped colon or dot breaks the pattern.
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`);
}
