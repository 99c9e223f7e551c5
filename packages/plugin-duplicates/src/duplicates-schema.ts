import type { PluginSchema } from '@kechuang/community';
import { z } from 'zod';

/**
 * What the plugin stores.
 *
 * - `duplicates_match`: one row per likely duplicate found at intake, with the reason (score,
 *   the matched request and its title, the shared text) and the decision (`suggest` or
 *   `merge`). Written in the submission's transaction, so it exists exactly when the
 *   submission committed.
 * - `duplicates_guard`: one row per enterprise (or member without one). Each submission's
 *   transaction updates it, which on PostgreSQL holds its row lock until commit, so the
 *   submissions of one enterprise count their repeats one after another.
 * - fields on `request`: the best match, its score, the decision, the key of the normalised
 *   text (to find identical texts with one equality query) and the list of matches.
 */
export const duplicatesSchema = {
  models: {
    duplicates_match: {
      fields: {
        id: { type: 'string' },
        officeId: { type: 'string' },
        requestId: { type: 'string' },
        matchedId: { type: 'string' },
        score: { type: 'number' },
        decision: { type: 'string' },
        matchedTitle: { type: 'string' },
        sharedText: { type: 'string' },
        createdAt: { type: 'date' },
      },
      unique: [{ name: 'duplicates_match_pair', fields: ['officeId', 'requestId', 'matchedId'] }],
      indexes: [{ name: 'duplicates_match_office_matched', fields: ['officeId', 'matchedId'] }],
    },
    duplicates_guard: {
      fields: {
        id: { type: 'string' },
        officeId: { type: 'string' },
        subject: { type: 'string' },
        lastRequestId: { type: 'string', nullable: true },
      },
      unique: [{ name: 'duplicates_guard_subject', fields: ['officeId', 'subject'] }],
    },
  },
  fields: {
    /** What the plugin adds to requests. */
    request: {
      /** The request it was merged into, else its likeliest duplicate. */
      duplicatesOf: {
        /** A request id. */
        type: 'string',
        /** Null on requests without a likely duplicate, and on those stored before the plugin. */
        nullable: true,
      },
      /** That request's similarity, 0–1. */
      duplicatesScore: {
        /** From 0 to 1. */
        type: 'number',
        /** Null on requests without a likely duplicate, and on those stored before the plugin. */
        nullable: true,
      },
      /** What intake decided: `suggest` or `merge`. */
      duplicatesAction: {
        /** `suggest` or `merge`. */
        type: 'string',
        /** Null on requests without a likely duplicate, and on those stored before the plugin. */
        nullable: true,
      },
      /** A key of the normalised text, to find identical texts with one equality query. */
      duplicatesTextKey: {
        /** An opaque key. */
        type: 'string',
        /** Null on requests stored before the plugin. */
        nullable: true,
      },
      /** Every likely duplicate: ids and scores, best first. */
      duplicatesMatches: {
        /** A list of `{ requestId, score }`. */
        type: 'json',
        /** Null on requests without a likely duplicate, and on those stored before the plugin. */
        nullable: true,
      },
    },
  },
} satisfies PluginSchema;

/** The decision recorded for a submission with likely duplicates. */
export type DuplicatesDecision = 'suggest' | 'merge';

/** One entry of a request's `duplicatesMatches`: ids and scores only, never another request's text. */
export const storedMatch = z.object({ requestId: z.string(), score: z.number() });

/** The plugin's fields as they come back on a request (absent on rows older than the plugin). */
export const duplicatesFields = z.object({
  duplicatesOf: z.string().nullish().transform((v) => v ?? null),
  duplicatesScore: z.number().nullish().transform((v) => v ?? null),
  duplicatesAction: z.enum(['suggest', 'merge']).nullish().transform((v) => v ?? null),
  duplicatesMatches: z.array(storedMatch).nullish().transform((v) => v ?? []),
});
