/**
 * Writes docs/configuration.md, the configuration reference, from the office config's JSON
 * Schema (packages/community/kechuang.config.schema.json) and the hand-written text in
 * scripts/configuration-intro.md:
 *
 *   npm run generate:config-docs
 *
 * Run it after changing the config schema (and `npm run generate:config-schema`) or the intro.
 * `--check` only compares, and exits 1 when the committed file differs;
 * tests/docs/configuration-doc.test.ts runs it that way. `--out <file>` writes (or checks)
 * another file instead of docs/configuration.md.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfigurationDoc } from './config-docs.js';
import { writeGenerated } from './generated-file.js';
import { readSchemaDocument } from './config-schema-reader.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = fileURLToPath(new URL('../packages/community/kechuang.config.schema.json', import.meta.url));
const templateFile = fileURLToPath(new URL('./configuration-intro.md', import.meta.url));

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`${name} needs a file name`);
    process.exit(2);
  }
  return value;
}

const target = option('--out') ?? fileURLToPath(new URL('../docs/configuration.md', import.meta.url));
const shown = relative(process.cwd(), target) || target;

const parsed: unknown = JSON.parse(readFileSync(schemaFile, 'utf8'));
const text = renderConfigurationDoc({
  document: readSchemaDocument(parsed),
  template: readFileSync(templateFile, 'utf8'),
  schemaPath: relative(root, schemaFile).split('\\').join('/'),
});

writeGenerated(target, text, { shown, regenerate: 'npm run generate:config-docs' });
