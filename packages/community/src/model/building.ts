import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

export const createBuildingInput = z.strictObject({
  parkId: idSchema,
  code: codeSchema,
  name: nameSchema,
  floors: z.number().int().positive().max(200).nullable().default(null),
});
export const updateBuildingInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  floors: z.number().int().positive().max(200).nullable().optional(),
});

/** A building (楼宇) inside a park. */
export interface Building extends RecordBase {
  parkId: string;
  communityId: string;
  name: string;
  floors: number | null;
}
