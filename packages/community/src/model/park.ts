import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

export const createParkInput = z.strictObject({
  communityId: idSchema,
  code: codeSchema,
  name: nameSchema,
  /** `park` (园区) or `factory_area` (厂区). @default 'park' */
  kind: z.enum(['park', 'factory_area']).default('park'),
  address: z.string().max(300).nullable().default(null),
});
export const updateParkInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  kind: z.enum(['park', 'factory_area']).optional(),
  address: z.string().max(300).nullable().optional(),
});

/** An industrial park (园区) or factory area (厂区) inside a community. */
export interface Park extends RecordBase {
  communityId: string;
  name: string;
  kind: 'park' | 'factory_area';
  address: string | null;
}
