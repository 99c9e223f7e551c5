// Only the error class is imported: the adapter loads this module on first use, and a lazily
// loaded module that imported modules of the start chunk would make the bundler split them out
// of it, which costs every embedding bytes. Checks and row copies come from the adapter's own
// reads instead.
import { KechuangError } from '../errors/kechuang-error.js';
import type { MemoryTable } from './memory-table.js';
import type { FeedEntry, ReadFeedArgs, StorageOperations, Where } from './types.js';

const MAX_LIMIT = 1000;

function storageError(message: string, model?: string): KechuangError {
  return new KechuangError('STORAGE_ERROR', message, model === undefined ? {} : { model });
}

/** A position: a decimal integer without sign or leading zeros; null or absent is the beginning. */
function parsePosition(model: string, after: unknown): number {
  if (after === null || after === undefined) return 0;
  if (typeof after === 'string' && /^(0|[1-9]\d{0,15})$/.test(after) && Number.isSafeInteger(Number(after))) return Number(after);
  const shown = typeof after === 'string' ? JSON.stringify(after.slice(0, 40)) : `A ${typeof after}`;
  throw new KechuangError(
    'INVALID_CURSOR',
    `${shown} is not a feed position of "${model}" in this storage. Pass a position readFeed() returned, or start again from the beginning with after: null.`,
    { model }
  );
}

/**
 * `readFeed` of the in-memory adapter, loaded on first use. A row's position is the number of
 * rows of its model committed before it, plus one (see `MemoryTable.log`): commits are single
 * synchronous steps, so the number is final when the row becomes visible, and a transaction
 * still open has no positions yet; it gets higher ones than every row a reader can already
 * see. Commits only append to the log, so reading on across the awaits below skips nothing.
 *
 * `reads` are the adapter's committed reads: they check the model and `where` and hand out
 * copies, each row looked up by id.
 */
export async function readFeed(reads: Pick<StorageOperations, 'findOne'>, tables: ReadonlyMap<string, MemoryTable>, args: ReadFeedArgs): Promise<FeedEntry[]> {
  if (typeof args !== 'object' || args === null) throw storageError('readFeed() needs { model, where?, after?, limit }.');
  const { model, where = [], limit } = args;
  const byId = (id: string): Where => (Array.isArray(where) ? [{ field: 'id', value: id }, ...where] : where);
  // Checks the model and `where` up front, even when there is nothing to read: a lookup by id is O(1).
  await reads.findOne({ model, where: byId('') });
  const table = tables.get(model);
  if (!table?.definition.feed) {
    throw storageError(
      `readFeed() only reads models declared with feed: true, and "${model}" is not one. Read it with findMany, or declare the model with feed: true.`,
      model
    );
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw storageError(`readFeed() on "${model}" needs a limit that is an integer from 1 to ${MAX_LIMIT} (got ${String(limit)}).`, model);
  }
  const entries: FeedEntry[] = [];
  for (let index = parsePosition(model, args.after); index < table.log.length && entries.length < limit; index++) {
    const id = table.log[index] ?? '';
    // A deleted (or deleted and created again) row's old entry no longer holds its position.
    if (table.at.get(id) !== index + 1) continue;
    const row = await reads.findOne({ model, where: byId(id) });
    if (row) entries.push({ position: String(index + 1), row });
  }
  return entries;
}

/** `feedEnd` of the in-memory adapter: the number of rows of the model committed so far. */
export async function feedEnd(reads: Pick<StorageOperations, 'findOne'>, tables: ReadonlyMap<string, MemoryTable>, args: { model: string }): Promise<string> {
  const model = typeof args === 'object' && args !== null ? args.model : undefined;
  // The same model check as every read: an unknown model is a STORAGE_ERROR naming it.
  await reads.findOne({ model: String(model), where: [{ field: 'id', value: '' }] });
  const table = tables.get(String(model));
  if (!table?.definition.feed) {
    throw storageError(`feedEnd() only reads models declared with feed: true, and "${model}" is not one.`, model);
  }
  return String(table.log.length);
}
