import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { OfficeConfigInput } from '../config-schema.js';

/** The sample office config as YAML text (4 portfolios, the LEGAL team, 5 categories, 6 rules). */
export const sampleYaml: string = readFileSync(new URL('./sample-config.yaml', import.meta.url), 'utf8');

const parsedSample = parse(sampleYaml) as OfficeConfigInput;

/** A fresh copy of the sample config as a plain object. */
export function sampleConfig(): OfficeConfigInput {
  return structuredClone(parsedSample);
}

/** The sample config as pretty-printed JSON text. */
export function sampleJson(): string {
  return `${JSON.stringify(sampleConfig(), null, 2)}\n`;
}

/**
 * The 1-based line and column where `needle` starts in `text` (its `occurrence`-th match,
 * counting from 1), for writing expectations without hard-coding positions.
 */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let n = 0; n < occurrence; n += 1) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`positionOf: ${JSON.stringify(needle)} occurs fewer than ${occurrence} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** `text` with the first occurrence of `from` replaced by `to`; throws when `from` is absent. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1) throw new Error(`replaceOnce: ${JSON.stringify(from)} not found`);
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}
