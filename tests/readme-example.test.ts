import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';

// The README's embedding example is run as written, so it cannot rot.
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(import.meta.dirname, '.readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the README embedding example runs and replies', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code, 'README has a ts code block').toBeTruthy();
  const file = join(dir, 'example.ts');
  writeFileSync(file, `${code}\nexport {};\n`);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import(/* @vite-ignore */ file);
  expect(log).toHaveBeenCalledWith('replied:', 'solved');
  log.mockRestore();
});
