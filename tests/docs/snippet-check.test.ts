import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSnippetBlocks } from './snippet-blocks.js';
import { checkSnippets, documentationBlocks, formatProblem, snippetCacheDir } from './snippet-check.js';

const root = join(import.meta.dirname, '..', '..');
mkdirSync(snippetCacheDir(root), { recursive: true });
const dir = mkdtempSync(join(snippetCacheDir(root), 'self-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const guide = [
  '# A guide', //                                                       1
  '',
  '```ts',
  "import { createCommunity, memoryStorage } from '@kechuang/community';",
  'const community = createCommunity({ storage: memoryStorage() });', // 5
  "await community.offices.create({ code: 'cangqian', name: '仓前街道' });",
  '```',
  '',
  '1. A step in a list:',
  '',
  '   ```ts', //                                                        11
  '   const rates = await session.metrics.query({ period: { month: "2026-02" } });',
  '   const wrong: string = rates.total.rates.response;', //            13
  '   ```',
  '',
  '```ts ignore',
  'session.requests.submit({ /* … */ });',
  '```',
  '',
  '```sh',
  'npm test',
  '```',
  '',
  '```ts',
  'const n: number = requestId;', //                                    25
  '```',
].join('\n');

describe('the snippet checker', () => {
  it('finds ts blocks, with their first code line, and marks ts ignore', () => {
    const blocks = extractSnippetBlocks('docs/guide.md', guide);
    expect(blocks.map(({ line, ignored }) => ({ line, ignored }))).toEqual([
      { line: 4, ignored: false },
      { line: 12, ignored: false },
      { line: 17, ignored: true },
      { line: 25, ignored: false },
    ]);
    expect(blocks[1]?.code.startsWith('const rates')).toBe(true);
  });

  it('reports each error at its Markdown line, and skips ignored blocks', { timeout: 120_000 }, () => {
    const path = join(dir, 'guide.md');
    writeFileSync(path, guide);
    const file = relative(root, path).split('\\').join('/');
    const result = checkSnippets({ root, blocks: extractSnippetBlocks(file, guide) });
    expect(result.checked).toHaveLength(3);
    expect(result.ignored.map((block) => block.line)).toEqual([17]);
    const lines = result.problems.map(formatProblem);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:13: .*not assignable to type 'string'.*\\(TS2322\\)$`, 's'));
    expect(lines[1]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:25: .*'string' is not assignable to type 'number'`, 's'));
  });

  it('checks the README after its first ts block, which the README example test runs', () => {
    const all = extractSnippetBlocks('README.md', readFileSync(join(root, 'README.md'), 'utf8'));
    const checked = documentationBlocks(root).filter((block) => block.file === 'README.md');
    expect(checked).toEqual(all.slice(1));
  });
});
