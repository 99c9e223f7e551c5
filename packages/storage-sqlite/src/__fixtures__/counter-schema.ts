import type { StorageSchema } from '@kechuang/community';

/** One table of entries, each recording how many entries its writer saw before adding it. */
export const counterSchema: StorageSchema = {
  version: 1,
  models: { entry: { fields: { id: { type: 'string' }, writer: { type: 'string' }, seen: { type: 'number' } } } },
};
