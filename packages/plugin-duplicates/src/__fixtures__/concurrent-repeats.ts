import { isKechuangError, type StorageAdapter } from '@kechuang/community';
import { duplicatesWorld } from './duplicates-office.js';

const TITLE = '40余个项目尾款未结';
const BODY = '没有签合同，只有聊天记录';

/**
 * Sends `together` identical submissions of one enterprise at once, after `already` of them
 * were accepted one by one, with `maxRepeats: 3`, and says how many committed and how many
 * were refused.
 *
 * What is guaranteed: however many identical submissions of one enterprise arrive at once, at
 * most `maxRepeats` of them (counting those already in the window) commit, and every other one
 * is refused with REPEATED_REQUEST. Each submission's transaction takes the enterprise's guard
 * row and counts again what has committed, so the submissions count one after another; the
 * later ones find the earlier ones there, and all but the first are merged into it.
 */
export async function concurrentRepeats(storage: StorageAdapter, { already, together }: { already: number; together: number }) {
  const w = await duplicatesWorld({ storage, plugin: { maxRepeats: 3 } });
  for (let i = 0; i < already; i++) await w.system.requests.submit(w.input(TITLE, BODY));
  const outcomes = await Promise.allSettled(Array.from({ length: together }, () => w.as(w.members.contact.id).requests.submit(w.input(TITLE, BODY))));
  const committed = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.filter((o) => o.status === 'rejected' && isKechuangError(o.reason, 'duplicates:REPEATED_REQUEST'));
  const office = { field: 'officeId', value: w.office.id };
  const stored = await w.storage.count({ model: 'request', where: [office] });
  const merged = await w.storage.count({ model: 'request', where: [office, { field: 'status', value: 'merged' }] });
  return { committed: committed.length, refused: refused.length, stored, merged, reported: w.reported };
}
