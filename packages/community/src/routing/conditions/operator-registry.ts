import { KechuangError } from '../../errors/kechuang-error.js';
import type { OperatorDefinition } from '../types.js';
import { isBuiltinOperator } from './operators.js';

/**
 * The plugin operators, by name. A name must be namespaced (`geo.within`), so it can never
 * collide with a built-in operator or a future one; a bad registration is the plugin's fault,
 * not the office's, hence PLUGIN_ERROR rather than a config problem.
 *
 * @example
 * ```ts
 * operatorRegistry([{ name: 'geo.within', test: (actual, area) => inside(actual, area) }]);
 * operatorRegistry([{ name: 'within', test }]); // throws PLUGIN_ERROR: the name needs a dot
 * ```
 */
export function operatorRegistry(operators: readonly OperatorDefinition[] = []): ReadonlyMap<string, OperatorDefinition> {
  const registry = new Map<string, OperatorDefinition>();
  for (const operator of operators) {
    const name: unknown = operator.name;
    let why: string | null = null;
    if (typeof name !== 'string' || !/^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)+$/.test(name)) {
      why = `the operator name ${JSON.stringify(name)} must be namespaced with a dot, e.g. geo.within`;
    } else if (isBuiltinOperator(name)) {
      why = `the operator name ${name} is built in`;
    } else if (registry.has(name)) {
      why = `the operator ${name} is registered twice`;
    } else if (typeof operator.test !== 'function') {
      why = `the operator ${name} has no test function`;
    }
    if (why !== null) {
      throw new KechuangError('PLUGIN_ERROR', `Cannot register a routing operator: ${why}.`, { operator: typeof name === 'string' ? name : String(name) });
    }
    registry.set(name as string, operator);
  }
  return registry;
}
