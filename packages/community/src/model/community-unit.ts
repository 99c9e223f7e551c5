import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

/** The input schema of `communities.create`: a community (社区) in the office. */
export const createCommunityInput = z.strictObject({
  /** A stable code, unique in the office. */
  code: codeSchema,
  /** The community's name, e.g. 梦创社区. */
  name: nameSchema,
});
/** The input schema of `communities.update`: the community's id and the fields to change. */
export const updateCommunityInput = z.strictObject({
  /** The community to change. */
  id: idSchema,
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
});

/** A community (社区 / 科创社区) inside an office, e.g. 梦创社区. */
export interface Community extends RecordBase {
  /** The community's name, e.g. 梦创社区. */
  name: string;
}
