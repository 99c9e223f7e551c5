import { z } from 'zod';
import { codeSchema, idSchema, nameSchema, type RecordBase } from './common.js';

/** The input schema of `teams.create`: a team of providers. */
export const createTeamInput = z.strictObject({
  /** A stable code, unique in the office, e.g. `LEGAL`. */
  code: codeSchema,
  /** The team's name. */
  name: nameSchema,
  /** What kind of team it is, e.g. `legal` for the public legal service station. @default 'general' */
  kind: z.string().trim().min(1).max(64).default('general'),
});
/** The input schema of `teams.update`: the team's id and the fields to change. */
export const updateTeamInput = z.strictObject({
  /** The team to change. */
  id: idSchema,
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
  /** A new kind, e.g. `legal`. */
  kind: z.string().trim().min(1).max(64).optional(),
});

/** A team of providers, e.g. the public legal service station (公共法律服务驿站). */
export interface Team extends RecordBase {
  /** The team's name. */
  name: string;
  /** What kind of team it is, e.g. `legal`; `general` unless set. */
  kind: string;
}
