import { categoryIssues, throwIfInvalid } from './category-issues.js';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar.js';
import { compileRouting, type CompiledRouting } from '../routing/compile-routing.js';
import { slaEngine, type SlaEngine } from '../sla/sla-engine.js';
import type { OfficePolicy } from './office-policy.js';
import type { StoredConfig } from './office-config.js';
import { routeRequest } from './routing-step.js';
import type { Runtime } from './runtime.js';

/** An office's config in force, compiled: routing, calendar and SLA engines. */
export interface ActiveConfig extends StoredConfig {
  routing: CompiledRouting;
  calendar: WorkingCalendar;
  sla: ReadonlyMap<string, SlaEngine>;
}

function compile(runtime: Runtime, stored: StoredConfig): ActiveConfig {
  const calendar = createWorkingCalendar(stored.config.calendar);
  return {
    ...stored,
    routing: compileRouting(stored.config, { operators: runtime.operators, actions: runtime.plugins.actions, strategies: runtime.plugins.strategies }),
    calendar,
    sla: new Map(stored.config.slaPolicies.map((policy) => [policy.id, slaEngine(policy, calendar)])),
  };
}

/** The compiled config, from the runtime's cache while the office's version is unchanged. */
export function activeConfig(runtime: Runtime, stored: StoredConfig): ActiveConfig {
  const hit = runtime.compiled.get(stored.officeId) as ActiveConfig | undefined;
  if (hit && hit.version === stored.version) return hit;
  const active = compile(runtime, stored);
  runtime.compiled.set(stored.officeId, active);
  return active;
}

/**
 * The office policy behind {@link OfficePolicy}; loaded on first use. A `candidate` config is
 * compiled for this call only, never cached, so explaining a draft leaves the office as it was.
 */
export function policyFor(runtime: Runtime, stored: StoredConfig, candidate = false): OfficePolicy {
  const active = candidate ? compile(runtime, stored) : activeConfig(runtime, stored);
  return {
    configVersion: active.version,
    calendar: active.calendar,
    route: (request, options = {}) => {
      // An explanation is asked for before anything is filed: tell what the submit would refuse.
      if (options.explain) throwIfInvalid(categoryIssues(active.config, request.category, request.attributes), 'explain input');
      return routeRequest(runtime, active, request, options);
    },
    portfolioOf: (category) => active.config.categories.find((c) => c.id === category)?.portfolio ?? null,
    submissionIssues: (category, attributes, prefix = []) => categoryIssues(active.config, category, attributes, prefix),
    sla: (policyId) => {
      const engine = active.sla.get(policyId ?? active.config.defaultSla ?? '');
      // A policy with no resolve limit has nothing to time.
      return engine && engine.policy.resolve ? engine : null;
    },
  };
}
