import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSnippets, documentationBlocks, formatProblem, type SnippetCheck } from './snippet-check.js';

// Docs that drift from the code are worse than none: every ```ts block in docs/ and in the
// README is compiled against the workspace sources, as its own module, in one program.
const root = join(import.meta.dirname, '..', '..');
const blocks = documentationBlocks(root);
const files = [...new Set(blocks.map((block) => block.file))];
let result: SnippetCheck;

// One program over every block: a few seconds on an idle machine, more on a loaded one.
beforeAll(() => {
  result = checkSnippets({ root, blocks });
  if (result.ignored.length > 0) {
    console.info(`ts ignore blocks, not compiled:\n${result.ignored.map((block) => `  ${block.file}:${block.line}`).join('\n')}`);
  }
}, 120_000);

describe('documentation snippets compile', () => {
  it('the context file and the compiler settings are sound', () => {
    const problems = result.problems.filter((problem) => !files.includes(problem.file));
    expect(problems.map(formatProblem).join('\n')).toBe('');
  });

  for (const file of files) {
    const count = blocks.filter((block) => block.file === file && !block.ignored).length;
    it(`${file} (${count} block${count === 1 ? '' : 's'})`, () => {
      const problems = result.problems.filter((problem) => problem.file === file);
      expect(problems.map(formatProblem).join('\n')).toBe('');
    });
  }

  for (const block of blocks.filter((each) => each.ignored)) {
    it.skip(`${block.file}:${block.line} is marked ts ignore`, () => undefined);
  }
});
