import type { Plugin } from './define-plugin.js';

/**
 * The plugins in setup order: each after the plugins it depends on, otherwise in the order
 * the host listed them. Returns the problems instead when a dependency is missing or the
 * dependencies form a cycle.
 */
export function orderPlugins(plugins: readonly Plugin[]): { ordered: Plugin[]; problems: string[] } {
  const byId = new Map(plugins.map((p) => [p.definition.id, p]));
  const problems: string[] = [];
  for (const plugin of plugins) {
    for (const needed of plugin.definition.dependencies ?? []) {
      if (!byId.has(needed)) {
        problems.push(`plugin '${plugin.definition.id}' depends on '${needed}', which is not installed; add it to plugins`);
      }
    }
  }
  if (problems.length > 0) return { ordered: [], problems };

  const ordered: Plugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: Plugin, path: string[]): void => {
    const id = plugin.definition.id;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      problems.push(`plugins depend on each other in a cycle: ${cycle.join(' → ')}; remove one of these dependencies`);
      return;
    }
    state.set(id, 'visiting');
    for (const needed of plugin.definition.dependencies ?? []) visit(byId.get(needed) as Plugin, [...path, id]);
    state.set(id, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return { ordered, problems };
}
