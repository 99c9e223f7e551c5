import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

/** The input schema of `parks.create`: a park (园区) or factory area (厂区) in a community. */
export const createParkInput = z.strictObject({
  /** The community the park belongs to. */
  communityId: idSchema,
  /** A stable code, unique in the office, e.g. `P01`. */
  code: codeSchema,
  /** The park's name. */
  name: nameSchema,
  /** `park` (园区) or `factory_area` (厂区). @default 'park' */
  kind: z.enum(['park', 'factory_area']).default('park'),
  /** The park's address, or null. @default null */
  address: z.string().max(300).nullable().default(null),
});
/** The input schema of `parks.update`: the park's id and the fields to change. */
export const updateParkInput = z.strictObject({
  /** The park to change. */
  id: idSchema,
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
  /** `park` (园区) or `factory_area` (厂区). */
  kind: z.enum(['park', 'factory_area']).optional(),
  /** A new address, or null to remove it. */
  address: z.string().max(300).nullable().optional(),
});

/** An industrial park (园区) or factory area (厂区) inside a community. */
export interface Park extends RecordBase {
  /** The community it belongs to. */
  communityId: string;
  /** The park's name. */
  name: string;
  /** `park` (园区) or `factory_area` (厂区). */
  kind: 'park' | 'factory_area';
  /** The park's address, or null. */
  address: string | null;
}
