import { z } from 'zod';
import { idSchema, nameSchema, tagsSchema, type RecordBase } from './common.js';
import { checkCreditCode } from './credit-code.js';

/** A unified social credit code; a wrong check character is reported as exactly that. */
export const creditCodeSchema = z.string().superRefine((value, ctx) => {
  const problem = checkCreditCode(value);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      params: { code: problem.kind === 'check_character' ? 'credit_code_check' : `credit_code_${problem.kind}` },
    });
  }
});

/** Enterprise size bands as used in statistics (大/中/小/微). */
export const enterpriseSizes = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof enterpriseSizes)[number];

export const createEnterpriseInput = z.strictObject({
  /** The unified social credit code; it is also the enterprise's stable code. */
  creditCode: creditCodeSchema,
  name: nameSchema,
  communityId: idSchema,
  parkId: idSchema.nullable().default(null),
  buildingId: idSchema.nullable().default(null),
  industry: z.string().trim().min(1).max(100).nullable().default(null),
  size: z.enum(enterpriseSizes).nullable().default(null),
  tags: tagsSchema.default([]),
});
export const updateEnterpriseInput = z.strictObject({
  id: idSchema,
  version: z.number().int().positive().optional(),
  name: nameSchema.optional(),
  parkId: idSchema.nullable().optional(),
  buildingId: idSchema.nullable().optional(),
  industry: z.string().trim().min(1).max(100).nullable().optional(),
  size: z.enum(enterpriseSizes).nullable().optional(),
  tags: tagsSchema.optional(),
});

/** An enterprise (企业), keyed within the office by its credit code (stored as `code`). */
export interface Enterprise extends RecordBase {
  name: string;
  communityId: string;
  parkId: string | null;
  buildingId: string | null;
  industry: string | null;
  size: EnterpriseSize | null;
  tags: string[];
}
