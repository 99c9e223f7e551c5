import { z } from 'zod';
import { idSchema } from './common.js';
import { submitRequestFields } from './request.js';

/** Input for recording a visit (走访) and every request raised during it. */
export const recordVisitInput = z.strictObject({
  enterpriseId: idSchema,
  /** When the visit took place; defaults to now. */
  visitedAt: z.coerce.date().optional(),
  /** Members who made the visit; the acting member is added when omitted. */
  visitorIds: z.array(idSchema).max(20).default([]),
  summary: z.string().trim().max(5000).default(''),
  /** Requests heard during the visit; each is submitted with channel `visit`. */
  requests: z.array(z.strictObject(submitRequestFields).omit({ channel: true, enterpriseId: true, communityId: true, parkId: true, buildingId: true })).max(50).default([]),
  idempotencyKey: z.string().min(1).max(200).optional(),
});

/** A staff visit (走访) to an enterprise. */
export interface Visit {
  id: string;
  officeId: string;
  communityId: string;
  enterpriseId: string;
  visitedAt: Date;
  visitorIds: string[];
  summary: string;
  requestIds: string[];
  recordedById: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}
