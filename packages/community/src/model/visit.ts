import { z } from 'zod';
import { idSchema } from './common.js';
import { submitRequestFields } from './request.js';

/** Input for recording a visit (走访) and every request raised during it. */
export const recordVisitInput = z.strictObject({
  /** The enterprise visited; the visit and its requests take its community, park and building. */
  enterpriseId: idSchema,
  /** When the visit took place; defaults to now. */
  visitedAt: z.coerce.date().optional(),
  /** Members who made the visit; the acting member is added when omitted. */
  visitorIds: z.array(idSchema).max(20).default([]),
  /** What was seen and heard, at most 5,000 characters. @default '' */
  summary: z.string().trim().max(5000).default(''),
  /** Requests heard during the visit; each is submitted with channel `visit`. */
  requests: z.array(z.strictObject(submitRequestFields).omit({ channel: true, enterpriseId: true, communityId: true, parkId: true, buildingId: true })).max(50).default([]),
  /** A retried call with the same key returns the visit the first one recorded. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});

/** A staff visit (走访) to an enterprise. */
export interface Visit {
  /** The visit's id. */
  id: string;
  /** The office it belongs to. */
  officeId: string;
  /** The community of the enterprise visited. */
  communityId: string;
  /** The enterprise visited. */
  enterpriseId: string;
  /** When the visit took place. */
  visitedAt: Date;
  /** The members who made the visit. */
  visitorIds: string[];
  /** What was seen and heard. */
  summary: string;
  /** The requests recorded on the visit, in the order given. */
  requestIds: string[];
  /** The member who recorded it, or null when the system did. */
  recordedById: string | null;
  /** The key of the call that recorded it, or null. */
  idempotencyKey: string | null;
  /** When it was recorded. */
  createdAt: Date;
}
