import { runtimeOf } from '../pipeline/runtime-registry.js';
import type { PluginRoute } from './plugin-routes.js';

/** A plugin's HTTP route as a server mounts it, with the error codes its plugin declares. */
export interface PluginHttpRoute {
  /** The plugin's id: the route is served under `/api/plugins/<plugin>`. */
  plugin: string;
  /** The route as the plugin registered it. */
  route: PluginRoute;
  /** The plugin's declared error codes (`<plugin>:<CODE>`) and their HTTP statuses, for the route's documentation. */
  errors: readonly {
    /** The namespaced code, `<plugin>:<CODE>`. */
    code: string;
    /** The HTTP status a server answers with. */
    status: number;
  }[];
}

/**
 * The HTTP routes the plugins of `community` registered with `ctx.http.route`, in setup order:
 * what an HTTP server (such as `@kechuang/server`) mounts and documents. Empty without plugins.
 *
 * @example
 * ```ts
 * for (const { plugin, route } of pluginRoutesOf(community)) {
 *   console.log(`${route.method} /api/plugins/${plugin}${route.path}: ${route.summary}`);
 * }
 * ```
 */
export function pluginRoutesOf(community: object): readonly PluginHttpRoute[] {
  const { routes, errorStatus } = runtimeOf(community).plugins;
  const errorsOf = (plugin: string) => [...errorStatus].filter(([code]) => code.startsWith(`${plugin}:`)).map(([code, status]) => ({ code, status }));
  return routes.map(({ plugin, route }) => ({ plugin, route, errors: errorsOf(plugin) }));
}
