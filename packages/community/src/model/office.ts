import { z } from 'zod';
import { codeSchema, nameSchema, type RecordBase } from './common.js';

/** Input for creating an office (街道), the tenant that owns everything else. */
export const createOfficeInput = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  /** IANA time zone that working days and office hours are counted in. */
  timeZone: z.string().min(1).default('Asia/Shanghai'),
});
export const updateOfficeInput = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  timeZone: z.string().min(1).optional(),
});

/** A street office (街道): the tenant. Its `officeId` is its own id. */
export interface Office extends RecordBase {
  name: string;
  timeZone: string;
}
