import { z } from 'zod';
import { codeSchema, nameSchema, type RecordBase } from './common.js';

/** Input for creating an office (街道), the tenant that owns everything else. */
export const createOfficeInput = z.strictObject({
  /** A stable code for the office. */
  code: codeSchema,
  /** The office's name, e.g. 仓前街道. */
  name: nameSchema,
  /** IANA time zone that working days and office hours are counted in. @default 'Asia/Shanghai' */
  timeZone: z.string().min(1).default('Asia/Shanghai'),
});
/** The input schema of an office update: the office's id and the fields to change. */
export const updateOfficeInput = z.strictObject({
  /** The office to change; `session.office.update()` fills in the session's own. */
  id: z.string().min(1),
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
  /** A new IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: z.string().min(1).optional(),
});

/** A street office (街道): the tenant. Its `officeId` is its own id. */
export interface Office extends RecordBase {
  /** The office's name. */
  name: string;
  /** The IANA time zone working days and office hours are counted in. */
  timeZone: string;
}
