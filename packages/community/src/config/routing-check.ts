import { checkRouting, type RoutingOptions } from '../routing/check-routing.js';
import type { ConfigProblem } from '../routing/types.js';
import type { OfficeConfig } from './config-schema.js';

/**
 * The semantic checks of routing rules that run after the schema: unknown fields and
 * operators, regex safety, undeclared references, duplicate rule ids, plugin actions and
 * strategies. Injectable so the loader can be tested on its own and hosts can add checks.
 */
export type RoutingCheck = (config: OfficeConfig, options: RoutingOptions) => ConfigProblem[];

/** The routing checks the loader runs by default: {@link checkRouting}. */
export const defaultRoutingCheck: RoutingCheck = (config, options) => checkRouting(config, options);
