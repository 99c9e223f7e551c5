import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

export const createCommunityInput = z.strictObject({
  code: codeSchema,
  name: nameSchema,
});
export const updateCommunityInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
});

/** A community (社区 / 科创社区) inside an office, e.g. 梦创社区. */
export interface Community extends RecordBase {
  name: string;
}
