import { LineCounter, parseDocument } from 'yaml';
import type { ConfigProblem } from '../routing/types.js';
import { configValidationError, toConfigIssue, type ConfigIssue, type SourcePosition } from './config-problem.js';
import type { OfficeConfig } from './config-schema.js';
import { locateInJson, positionFinder, scanJson } from './json-positions.js';
import { yamlTooDeepAt } from './nesting-guard.js';
import { validateOfficeConfig, type ValidateOfficeConfigOptions } from './validate-config.js';
import { locateInYaml } from './yaml-positions.js';

/** Options for {@link parseOfficeConfig}. */
export interface ParseOfficeConfigOptions extends ValidateOfficeConfigOptions {
  /**
   * The text's format.
   * @default from `filename`'s extension (`.json`, `.yaml`, `.yml`), else from the content
   */
  format?: 'yaml' | 'json';
  /** The file the text came from, used in messages (`kechuang.config.yaml:12:5 …`). @default none */
  filename?: string;
}

type Locate = (path: readonly (string | number)[]) => SourcePosition;

/** An error for problems found before the document had a value (syntax errors, nesting). */
function failEarly(problems: readonly { problem: ConfigProblem; position: SourcePosition }[], source: string | undefined): never {
  throw configValidationError(
    problems.map(({ problem, position }) => toConfigIssue(problem, position)),
    source,
  );
}

function detectFormat(text: string, filename: string | undefined): 'yaml' | 'json' {
  const lower = filename?.toLowerCase() ?? '';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'yaml';
    }
  }
  return 'yaml';
}

function readJson(text: string, source: string | undefined): { value: unknown; locate: Locate } {
  const position = positionFinder(text);
  const scan = scanJson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = scan.error?.message ?? (error instanceof Error ? error.message : String(error));
    failEarly([{ problem: { path: [], code: 'json_syntax', message: `JSON syntax error: ${reason}` }, position: position(scan.error?.offset ?? 0) }], source);
  }
  if (scan.duplicates.length > 0) {
    // YAML refuses duplicate keys; JSON.parse would silently keep the last one.
    failEarly(
      scan.duplicates.map(({ path, offset }) => ({
        problem: { path, code: 'duplicate_key', message: 'this key appears twice in the same object; keep one' },
        position: position(offset),
      })),
      source,
    );
  }
  return { value, locate: (path) => locateInJson(scan, position, path) };
}

function readYaml(text: string, source: string | undefined): { value: unknown; locate: Locate } {
  const tooDeep = yamlTooDeepAt(text);
  if (tooDeep !== undefined) {
    const message = 'nested far too deeply: a config needs only a few levels; flatten it';
    failEarly([{ problem: { path: [], code: 'too_deep', message }, position: positionFinder(text)(tooDeep) }], source);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: true, resolveKnownTags: false });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    failEarly(
      doc.errors.map((error) => ({
        problem: { path: [], code: 'yaml_syntax', message: `YAML syntax error: ${error.message}` },
        position: at(error.pos[0]),
      })),
      source,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failEarly([{ problem: { path: [], code: 'yaml_syntax', message: `YAML could not be read: ${reason}` }, position: at(0) }], source);
  }
  return { value, locate: (path) => locateInYaml(doc, lineCounter, path) };
}

/**
 * Reads an office config from YAML or JSON text and validates it: the schema, the
 * cross-references between its parts and the routing checks. Returns the config with
 * defaults applied, or throws ONE `VALIDATION_FAILED` KechuangError listing **every** problem,
 * each with its path and 1-based line and column (`details.issues`: {@link ConfigIssue}s,
 * sorted by position); unknown keys point at the key and carry a "did you mean" when a valid
 * key is close.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 *
 * const filename = 'kechuang.config.yaml';
 * try {
 *   const config = parseOfficeConfig(await readFile(filename, 'utf8'), { filename });
 * } catch (error) {
 *   if (isKechuangError(error, 'VALIDATION_FAILED')) console.error(error.message);
 *   // Invalid office config kechuang.config.yaml: 1 problem. Fix it and load the config again:
 *   //   kechuang.config.yaml:12:5 routing.rules[2].then.asign: unknown key — did you mean "assign"?
 * }
 * ```
 */
export function parseOfficeConfig(text: string, options: ParseOfficeConfigOptions = {}): OfficeConfig {
  const source = options.filename;
  if (typeof text !== 'string') {
    failEarly([{ problem: { path: [], code: 'invalid_type', message: 'expected the config as text (a string of YAML or JSON)' }, position: { line: 1, column: 1 } }], source);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const format = options.format ?? detectFormat(body, source);
  const { value, locate } = format === 'json' ? readJson(body, source) : readYaml(body, source);
  const result = validateOfficeConfig(value, options);
  if (result.ok) return result.config;
  const issues: ConfigIssue[] = result.problems.map((problem) => toConfigIssue(problem, locate(problem.path)));
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw configValidationError(issues, source);
}
