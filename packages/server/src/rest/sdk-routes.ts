import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../http/server-env.js';
import { registerConfigRoutes } from './config-routes.js';
import { registerDeadLetterRoutes } from './dead-letter-routes.js';
import { registerDirectoryRoutes } from './directory-routes.js';
import { registerFailedTimerRoutes } from './failed-timer-routes.js';
import { registerMetricsRoutes } from './metrics-routes.js';
import { registerOfficeRoutes } from './office-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerRoutingRoutes } from './routing-routes.js';
import { registerVisitRoutes } from './visit-routes.js';

/**
 * Every SDK command and query besides requests: the office and `me`, the directory, visits,
 * config and routing explanations, metrics, reports, dead letters and failed timers.
 */
export function registerSdkRoutes(app: OpenAPIHono<ServerEnv>): void {
  registerOfficeRoutes(app);
  registerDirectoryRoutes(app);
  registerVisitRoutes(app);
  registerConfigRoutes(app);
  registerRoutingRoutes(app);
  registerMetricsRoutes(app);
  registerReportRoutes(app);
  registerDeadLetterRoutes(app);
  registerFailedTimerRoutes(app);
}
