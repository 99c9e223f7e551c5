import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes a generated file, or with `--check` on the command line only compares it and exits 1
 * when the committed copy differs, telling the reader which command regenerates it. A file
 * that is already up to date is left untouched, so its timestamp does not change.
 */
export function writeGenerated(target: string, text: string, options: { shown: string; regenerate: string }): void {
  let current: string | null = null;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = null;
  }
  if (current === text) {
    console.log(`${options.shown} is up to date`);
    return;
  }
  if (process.argv.includes('--check')) {
    console.error(`${options.shown} is stale: it differs from what its source gives. Run ${options.regenerate} and commit the result.`);
    process.exit(1);
  }
  writeFileSync(target, text);
  console.log(`wrote ${options.shown} (${text.length} characters)`);
}
