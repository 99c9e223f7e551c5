import type { RoutingOptions } from '../routing/check-routing.js';
import type { PluginAssignmentStrategy, PluginRoutingAction } from '../routing/plugin-routing.js';
import type { ConfigProblem, OperatorDefinition } from '../routing/types.js';
import { closest } from '../routing/did-you-mean.js';
import { configValidationError, toConfigIssue } from './config-problem.js';
import { officeConfigSchema, type OfficeConfig } from './config-schema.js';
import { checkCrossReferences } from './cross-references.js';
import { checkNotificationEvents } from './notification-references.js';
import { defaultRoutingCheck, type RoutingCheck } from './routing-check.js';
import { valueTooDeep } from './nesting-guard.js';
import { isUnderStub, remapSalvagedPath, salvageConfig } from './salvage-config.js';
import { problemsFromZodIssues } from './zod-problems.js';

/**
 * Options for {@link validateOfficeConfig} and {@link assertOfficeConfig}: what plugins
 * registered, which the config may name. `configOptionsOf(community)` gives the lists of a
 * community's plugins.
 */
export interface ValidateOfficeConfigOptions {
  /** Custom condition operators (e.g. from plugins) that rules may use. @default [] */
  operators?: readonly OperatorDefinition[];
  /** Plugin routing actions rules may run (`then.plugins`). @default [] */
  actions?: readonly PluginRoutingAction[];
  /** Plugin assignment strategies team targets may name (`assign.strategy`). @default [] */
  strategies?: readonly PluginAssignmentStrategy[];
  /**
   * The notification events plugins declared (`<plugin-id>.<name>`), which notification rules
   * and templates may name besides the core events. @default []
   */
  notificationEvents?: readonly string[];
  /**
   * The semantic routing checks run after the schema. Replace it only to add checks (call the
   * default one too).
   * @default the built-in routing checks
   */
  checkRouting?: RoutingCheck;
}

/** The outcome of {@link validateOfficeConfig}. */
export type OfficeConfigValidation =
  | {
      /** The config is valid. */
      ok: true;
      /** The config, parsed, with defaults applied. */
      config: OfficeConfig;
    }
  | {
      /** The config has problems. */
      ok: false;
      /** Every problem found, each with its path. */
      problems: ConfigProblem[];
    };

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}

/**
 * Checks an already-parsed office config (e.g. from `JSON.parse` or a host's own object)
 * against the schema, the cross-references between its parts and the routing checks, and
 * returns either the config with defaults applied or **every** problem found, each with its
 * path (no line numbers: there is no text).
 *
 * @example
 * ```ts
 * const result = validateOfficeConfig({ routing: { fallback: { assign: { role: 'station_head' } } } });
 * if (!result.ok) for (const p of result.problems) console.log(p.path.join('.'), p.message);
 * ```
 */
export function validateOfficeConfig(value: unknown, options: ValidateOfficeConfigOptions = {}): OfficeConfigValidation {
  const checkRouting = options.checkRouting ?? defaultRoutingCheck;
  const { operators, actions, strategies } = options;
  const routingOptions: RoutingOptions = { ...(operators && { operators }), ...(actions && { actions }), ...(strategies && { strategies }) };
  if (value === undefined || value === null) {
    return { ok: false, problems: [{ path: [], code: 'invalid_type', message: 'the config is empty; it needs at least routing: { fallback: { assign: { role: station_head } } }' }] };
  }
  const tooDeep = valueTooDeep(value);
  if (tooDeep !== undefined) return { ok: false, problems: [tooDeep] };
  const parsed = officeConfigSchema.safeParse(value);
  const schemaProblems = parsed.success ? [] : problemsFromZodIssues(parsed.error.issues, officeConfigSchema, value, closest);
  const semantic: ConfigProblem[] = [...checkCrossReferences(value, closest), ...checkNotificationEvents(value, options.notificationEvents ?? [], closest)];
  if (parsed.success) {
    semantic.push(...checkRouting(parsed.data, routingOptions));
  } else {
    const salvaged = salvageConfig(value);
    if (salvaged !== undefined) {
      for (const problem of checkRouting(salvaged.config, routingOptions)) {
        if (isUnderStub(problem.path, salvaged.stubbed)) continue;
        semantic.push({ ...problem, path: remapSalvagedPath(problem.path, salvaged.ruleIndex) });
      }
    }
  }
  // A place the schema already rejects gets no second, derived complaint.
  // The same complaint from two checkers is said once.
  const rejected = new Set(schemaProblems.map((problem) => pathKey(problem.path)));
  const said = new Set<string>();
  const problems = [...schemaProblems, ...semantic.filter((problem) => !rejected.has(pathKey(problem.path)))].filter((problem) => {
    const key = `${pathKey(problem.path)} ${problem.code}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
  if (problems.length > 0 || !parsed.success) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ path: [], code: 'invalid', message: 'invalid config' }] };
  }
  return { ok: true, config: parsed.data };
}

/**
 * Like {@link validateOfficeConfig}, but returns the config or throws one `VALIDATION_FAILED`
 * KechuangError listing every problem (`details.issues`, each with path, message,
 * code and, when close, a suggestion).
 *
 * @example
 * ```ts
 * const config = assertOfficeConfig(JSON.parse(text), { operators: plugins.operators });
 * ```
 */
export function assertOfficeConfig(value: unknown, options: ValidateOfficeConfigOptions = {}): OfficeConfig {
  const result = validateOfficeConfig(value, options);
  if (result.ok) return result.config;
  throw configValidationError(result.problems.map((problem) => toConfigIssue(problem)));
}
