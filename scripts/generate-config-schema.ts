/**
 * Writes packages/community/kechuang.config.schema.json, the JSON Schema of the office config
 * (`kechuang.config.yaml`), from its zod schema:
 *
 *   node --import tsx scripts/generate-config-schema.ts
 *
 * Run it after changing the config schema; `config/json-schema.test.ts` fails while the
 * shipped file is stale. Pass `--check` to only compare (exit 1 when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { officeConfigJsonSchemaText } from '../packages/community/src/config/config-json-schema.js';

const target = fileURLToPath(new URL('../packages/community/kechuang.config.schema.json', import.meta.url));
const text = officeConfigJsonSchemaText();

let current: string | null = null;
try {
  current = readFileSync(target, 'utf8');
} catch {
  current = null;
}

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${target} is stale: run node --import tsx scripts/generate-config-schema.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else if (current === text) {
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
