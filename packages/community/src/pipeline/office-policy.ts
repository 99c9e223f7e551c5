import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { SlaEngine } from '../sla/sla-engine.js';
import { configInForce } from './office-config.js';
import type { Placeable, RoutingResult } from './routing-step.js';
import type { Runtime } from './runtime.js';
import { lazy } from '../internal/lazy.js';
import type { ValidationIssue } from '../errors/kechuang-error.js';
import type { AttributeValue } from '../model/request.js';

const policyEngine = lazy(() => import('./policy-engine.js'));

/** Options of {@link OfficePolicy.route}. */
export interface RouteOptions {
  /** Members routing must pass over (e.g. the one who just returned the request). */
  exclude?: readonly string[];
  /** Trace every rule and condition as well. */
  explain?: boolean;
  /** Directory records the caller already read (by id), so routing does not read them again. */
  known?: ReadonlyMap<string, Record<string, unknown>>;
}

/** What an office's config in force decides: routing, its calendar and its SLA policies. */
export interface OfficePolicy {
  configVersion: number;
  calendar: WorkingCalendar;
  route(request: Placeable, options?: RouteOptions): Promise<RoutingResult>;
  /** The portfolio a category belongs to in this config, or null. */
  portfolioOf(category: string): string | null;
  /** What is wrong with a submission's category and attributes under this config (none: `[]`). */
  submissionIssues(category: string, attributes: Record<string, AttributeValue>, prefix?: (string | number)[]): ValidationIssue[];
  /** The SLA engine of a policy (or of `defaultSla` for null); null when it times nothing. */
  sla(policyId: string | null): SlaEngine | null;
}

/**
 * The office's policy, or null when it has no config. The engine behind it (rule compiler,
 * calendar, SLA) loads on first use, so an embedding without a config never loads it.
 */
export async function officePolicy(runtime: Runtime, officeId: string): Promise<OfficePolicy | null> {
  const stored = await configInForce(runtime, officeId);
  if (!stored) return null;
  const { policyFor } = await policyEngine();
  return policyFor(runtime, stored);
}
