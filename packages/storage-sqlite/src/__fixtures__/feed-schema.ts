import type { StorageSchema } from '@kechuang/community';

/** One feed table of events, each written by a named writer. */
export const feedSchema: StorageSchema = {
  version: 1,
  models: { event: { feed: true, fields: { id: { type: 'string' }, writer: { type: 'string' }, n: { type: 'number' } } } },
};
