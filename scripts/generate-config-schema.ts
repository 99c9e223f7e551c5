/**
 * Writes packages/community/kechuang.config.schema.json, the JSON Schema of the office config
 * (`kechuang.config.yaml`), from its zod schema:
 *
 *   node --import tsx scripts/generate-config-schema.ts
 *
 * Run it after changing the config schema; `config/json-schema.test.ts` fails while the
 * shipped file is stale. Pass `--check` to only compare (exit 1 when stale).
 */
import { fileURLToPath } from 'node:url';
import { writeGenerated } from './generated-file.js';
import { officeConfigJsonSchemaText } from '../packages/community/src/config/config-json-schema.js';

const target = fileURLToPath(new URL('../packages/community/kechuang.config.schema.json', import.meta.url));
const text = officeConfigJsonSchemaText();

writeGenerated(target, text, { shown: target, regenerate: 'npm run generate:config-schema' });
