/**
 * The rows one submit persists, for the storage benchmarks' hand-written baselines: they write
 * exactly what the SDK wrote for the same submission (the request row, its timeline entries and
 * its timers), with fresh ids, in one transaction.
 */
import { coreModels, uuidv7, type Row, type StorageAdapter } from '@kechuang/community';
import { snakeCase } from '@kechuang/storage-kysely';

export interface SubmitRows {
  request: Row;
  entries: Row[];
  timers: Row[];
}

/** What the SDK stored for the request `requestId`. */
export async function storedSubmit(storage: StorageAdapter, requestId: string): Promise<SubmitRows> {
  const byRequest = [{ field: 'requestId', value: requestId }] as const;
  const request = await storage.findOne({ model: 'request', where: [{ field: 'id', value: requestId }] });
  if (!request) throw new Error(`request ${requestId} is not stored`);
  const entries = await storage.findMany({ model: 'timeline_entry', where: byRequest, orderBy: [{ field: 'index' }] });
  const timers = await storage.findMany({ model: 'timer', where: byRequest, orderBy: [{ field: 'key' }] });
  return { request, entries, timers };
}

/** The same rows for a new request: new ids everywhere, and timer keys naming the new request. */
export function freshCopy(rows: SubmitRows): SubmitRows {
  const id = uuidv7();
  const old = rows.request['id'] as string;
  return {
    request: { ...rows.request, id },
    entries: rows.entries.map((entry) => ({ ...entry, id: uuidv7(), requestId: id })),
    timers: rows.timers.map((timer) => ({ ...timer, id: uuidv7(), requestId: id, key: String(timer['key']).replace(old, id) })),
  };
}

/** A model's columns, in schema order, and its field names in the same order. */
export function columnsOf(model: 'request' | 'timeline_entry' | 'timer'): { fields: string[]; columns: string[]; table: string } {
  const fields = Object.keys(coreModels[model]!.fields);
  return { fields, columns: fields.map(snakeCase), table: snakeCase(model) };
}
