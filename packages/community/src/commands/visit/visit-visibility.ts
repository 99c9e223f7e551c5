import type { ResolvedActor } from '../../auth/actor.js';
import type { Enterprise } from '../../model/enterprise.js';
import type { Visit } from '../../model/visit.js';
import type { Runtime } from '../../pipeline/runtime.js';
import { rowToRecord } from '../../storage/records.js';

/**
 * Who may see a visit: whoever sees every request in the office, the visitors and recorder,
 * the enterprise's contacts and the captain of its park.
 */
export async function canSeeVisit(runtime: Runtime, actor: ResolvedActor, visit: Visit, enterprise?: Enterprise): Promise<boolean> {
  if (runtime.policy.scope(actor, []).all) return true;
  const me = actor.member?.id;
  if (me !== undefined && (visit.recordedById === me || visit.visitorIds.includes(me))) return true;
  if (actor.enterpriseIds.has(visit.enterpriseId)) return true;
  if (actor.parkIds.size === 0) return false;
  let ent = enterprise;
  if (!ent) {
    const row = await runtime.storage.findOne({ model: 'enterprise', where: [{ field: 'officeId', value: actor.officeId }, { field: 'id', value: visit.enterpriseId }] });
    ent = row ? rowToRecord<Enterprise>(row) : undefined;
  }
  return ent?.parkId !== null && ent?.parkId !== undefined && actor.parkIds.has(ent.parkId);
}
