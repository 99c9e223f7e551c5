import type { SlaChange } from '../../sla/sla-engine.js';
import type { Decision } from './command-definition.js';

/** Folds an SLA change into a decision: its request, entries after the command's own, its timers. */
export function withSla(decision: Decision, change: SlaChange | null | undefined): Decision {
  if (!change) return decision;
  return {
    ...decision,
    request: change.request,
    entries: [...decision.entries, ...change.entries],
    timers: [...(decision.timers ?? []), ...change.timers],
    cancelTimers: decision.cancelTimers === true || change.cancelTimers,
  };
}
