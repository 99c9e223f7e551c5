import type { ResolvedActor } from '../auth/actor.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { ServiceRequest } from '../model/request.js';
import type { Runtime } from './runtime.js';

/** The command as a verb phrase: `accept`, `overrule return`, or `fire 'legal-review.send' on` for a plugin transition. */
const verb = (command: string): string => (command.includes('.') ? `fire '${command}' on` : command.replace(/_/g, ' '));

/**
 * Checks that `transition` may fire from the request's state and that the actor holds one of
 * its roles. Returns the state it leads to (null: stay). Plugin transitions are checked the
 * same way: their roles mean what they mean for core transitions.
 *
 * A transition the state does not allow is INVALID_TRANSITION, naming what the actor could
 * do instead; one the state allows but the actor may not fire is FORBIDDEN.
 */
export function authorizeTransition(runtime: Runtime, actor: ResolvedActor, request: ServiceRequest, transition: string, command: string): string | null {
  const roles = runtime.policy.rolesFor(actor, request);
  const fromHere = runtime.workflow.transitions.filter((t) => t.from.includes(request.status));
  const candidate = fromHere.find((t) => t.name === transition);
  if (!candidate) {
    const allowed = [...new Set(fromHere.filter((t) => t.roles.some((r) => roles.has(r))).map((t) => t.name))];
    throw new KechuangError(
      'INVALID_TRANSITION',
      `Cannot ${verb(command)} a request that is '${request.status}'.${allowed.length ? ` From here you may: ${allowed.join(', ')}.` : ' You can take no action on it now.'}`,
      { command, state: request.status, allowed },
    );
  }
  if (!candidate.roles.some((r) => roles.has(r))) {
    throw new KechuangError(
      'FORBIDDEN',
      `Only ${candidate.roles.join(', ')} may ${verb(command)} this request; you are ${[...roles].join(', ') || 'none of these'}.`,
      { command, state: request.status, required: [...candidate.roles] },
    );
  }
  return candidate.to;
}
