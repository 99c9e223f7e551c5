import type { ResolvedActor } from '../../auth/actor.js';
import type { DirectoryAccess, DirectoryModel } from '../../auth/authorization-policy.js';
import type { RecordBase } from '../../model/common.js';
import type { Member } from '../../model/member.js';
import { cacheOf } from '../../pipeline/directory-cache.js';
import type { Runtime } from '../../pipeline/runtime.js';
import { rowToRecord } from '../../storage/records.js';
import type { Where, WhereCondition } from '../../storage/types.js';

/** How one actor reads one directory model, from the policy's {@link DirectoryAccess}. */
export interface DirectoryReader {
  /** Where-clauses to add to every read (none when everything is readable). */
  where: Where;
  /** The fields withheld from the actor, if any. */
  withheld: DirectoryAccess['withheld'];
  /** The record as the actor may see it. */
  show<T extends RecordBase>(record: T): T;
}

// Not routing's roster (which would load teams too and, imported here, cost the start bundle
// a chunk of its own): the same cache, a view of its own.
async function officeMembers(runtime: Runtime, officeId: string): Promise<readonly Member[]> {
  const cache = cacheOf(runtime, officeId);
  const hit = cache?.views.get('members') as readonly Member[] | undefined;
  if (hit) return hit;
  // Frozen: a policy's test must not change what later reads see.
  const members = (await runtime.storage.findMany({ model: 'member', where: [{ field: 'officeId', value: officeId }] })).map((r) => Object.freeze(rowToRecord<Member>(r)));
  cache?.views.set('members', members);
  return members;
}

/**
 * The policy's answer for `actor` and `model`, made into where-clauses storage understands:
 * `alsoMembers` becomes a list of member ids, tested on the office's members (cached until the
 * directory changes), so that narrowing happens in storage and list pages stay full.
 */
export async function directoryReader(runtime: Runtime, actor: ResolvedActor, model: DirectoryModel): Promise<DirectoryReader> {
  const { anyOf, alsoMembers, withheld } = runtime.policy.directoryAccess?.(actor, model) ?? {};
  const or: WhereCondition[] = [...(anyOf ?? [])];
  if (alsoMembers && model === 'member') {
    or.push({ field: 'id', op: 'in', value: (await officeMembers(runtime, actor.officeId)).filter(alsoMembers).map((m) => m.id) });
  }
  const own = (record: RecordBase) => model === 'member' && record.id === actor.member?.id;
  return {
    where: anyOf || alsoMembers ? [{ or }] : [],
    withheld,
    show: (record) => (withheld && !own(record) ? { ...record, ...withheld } : record),
  };
}
