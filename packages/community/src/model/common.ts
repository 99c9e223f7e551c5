import { z } from 'zod';

/** Record ids are opaque strings made by the injected id generator. */
export const idSchema = z.string().min(1).max(64);

/**
 * A stable code, unique within the office (parks `P01`, buildings `P01-B02`, members their
 * staff number), so that imports are idempotent.
 */
export const codeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, ".", "_" or "-", starting with a letter or digit');

/** A human-readable name in any script. */
export const nameSchema = z.string().trim().min(1).max(200);

/** Free-form tags, e.g. enterprise labels (高新技术企业, 专精特新). */
export const tagsSchema = z.array(z.string().trim().min(1).max(50)).max(50);

/** Fields every stored directory record carries. */
export interface RecordBase {
  /** The record's id. */
  id: string;
  /** The office (街道) it belongs to. */
  officeId: string;
  /** Its stable code, unique in the office (an enterprise's is its credit code). */
  code: string;
  /** Starts at 1 and goes up by one with every change; pass it back to update safely. */
  version: number;
  /** When it was created. */
  createdAt: Date;
  /** When it last changed. */
  updatedAt: Date;
  /** Set when archived; archived records stay readable but take no new work. */
  archivedAt: Date | null;
}

/** Mainland mobile number, stored as given (digits only). */
export const mobileSchema = z.string().regex(/^1[3-9][0-9]{9}$/, 'Use an 11-digit mainland mobile number, e.g. 13800138000');
