import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

/** The input schema of `buildings.create`: a building in a park. */
export const createBuildingInput = z.strictObject({
  /** The park the building stands in; the building joins the park's community. */
  parkId: idSchema,
  /** A stable code, unique in the office, e.g. `P01-B02`. */
  code: codeSchema,
  /** The building's name. */
  name: nameSchema,
  /** The number of floors, or null when unknown. @default null */
  floors: z.number().int().positive().max(200).nullable().default(null),
});
/** The input schema of `buildings.update`: the building's id and the fields to change. */
export const updateBuildingInput = z.strictObject({
  /** The building to change. */
  id: idSchema,
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
  /** A new number of floors, or null when unknown. */
  floors: z.number().int().positive().max(200).nullable().optional(),
});

/** A building (楼宇) inside a park. */
export interface Building extends RecordBase {
  /** The park it stands in. */
  parkId: string;
  /** The community of its park. */
  communityId: string;
  /** The building's name. */
  name: string;
  /** The number of floors, or null when unknown. */
  floors: number | null;
}
