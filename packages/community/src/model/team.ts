import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

export const createTeamInput = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  /** e.g. `legal` for the public legal service station. */
  kind: z.string().trim().min(1).max(64).default('general'),
});
export const updateTeamInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  kind: z.string().trim().min(1).max(64).optional(),
});

/** A team of providers, e.g. the public legal service station (公共法律服务驿站). */
export interface Team extends RecordBase {
  name: string;
  kind: string;
}
