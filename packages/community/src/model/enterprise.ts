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
/**
 * An enterprise size band: one of {@link enterpriseSizes}.
 *
 * @useDeclaredType
 */
export type EnterpriseSize = (typeof enterpriseSizes)[number];

/** The input schema of `enterprises.create`: an enterprise (企业) in a community. */
export const createEnterpriseInput = z.strictObject({
  /** The unified social credit code; it is also the enterprise's stable code. */
  creditCode: creditCodeSchema,
  /** The enterprise's registered name. */
  name: nameSchema,
  /** The community it belongs to. */
  communityId: idSchema,
  /** The park it sits in, which must be in that community, or null. @default null */
  parkId: idSchema.nullable().default(null),
  /** The building it sits in, which must be in that park, or null. @default null */
  buildingId: idSchema.nullable().default(null),
  /** Its industry, free text, or null. @default null */
  industry: z.string().trim().min(1).max(100).nullable().default(null),
  /** Its size band (大/中/小/微), or null. @default null */
  size: z.enum(enterpriseSizes).nullable().default(null),
  /** Labels such as 高新技术企业 or 专精特新; routing rules can test them. @default [] */
  tags: tagsSchema.default([]),
});
/** The input schema of `enterprises.update`: the enterprise's id and the fields to change. */
export const updateEnterpriseInput = z.strictObject({
  /** The enterprise to change. */
  id: idSchema,
  /** The version you read; when given and no longer current, the update fails with CONFLICT. */
  version: z.number().int().positive().optional(),
  /** A new name. */
  name: nameSchema.optional(),
  /** A new park in its community, or null. */
  parkId: idSchema.nullable().optional(),
  /** A new building in its park, or null. */
  buildingId: idSchema.nullable().optional(),
  /** A new industry, or null. */
  industry: z.string().trim().min(1).max(100).nullable().optional(),
  /** A new size band, or null. */
  size: z.enum(enterpriseSizes).nullable().optional(),
  /** Replaces the enterprise's tags. */
  tags: tagsSchema.optional(),
});

/** An enterprise (企业), keyed within the office by its credit code (stored as `code`). */
export interface Enterprise extends RecordBase {
  /** The enterprise's registered name. */
  name: string;
  /** The community it belongs to. */
  communityId: string;
  /** The park it sits in, or null. */
  parkId: string | null;
  /** The building it sits in, or null. */
  buildingId: string | null;
  /** Its industry, free text, or null. */
  industry: string | null;
  /** Its size band, or null. */
  size: EnterpriseSize | null;
  /** Labels such as 高新技术企业 or 专精特新. */
  tags: string[];
}
