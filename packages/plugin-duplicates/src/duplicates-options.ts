import { z } from 'zod';

/**
 * The options of the duplicates plugin, with their defaults. Every field is optional.
 *
 * @example
 * ```ts
 * duplicatesOptions.parse({ windowDays: 14, mergeAbove: null }); // suggest only, two weeks back
 * ```
 */
export const duplicatesOptions = z
  .strictObject({
    /** How far back to compare, in calendar days. @default 30 */
    windowDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(30)
      .describe('How far back to look, in calendar days: earlier requests submitted within this window are compared.'),
    /** The similarity (0–1) from which an earlier request is recorded as a likely duplicate. @default 0.6 */
    suggestAbove: z
      .number()
      .gt(0)
      .max(1)
      .default(0.6)
      .describe('A similarity (0–1) at or above which the earlier request is recorded as a likely duplicate.'),
    /** The similarity from which the new request is merged into the earlier open one; null never merges. @default 0.9 */
    mergeAbove: z
      .number()
      .gt(0)
      .max(1)
      .nullable()
      .default(0.9)
      .describe('A similarity at or above which the new request is merged into the earlier open one automatically; null never merges.'),
    /** How many submissions of the same text with nothing new are accepted in the window; null never refuses. @default 3 */
    maxRepeats: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullable()
      .default(3)
      .describe('How many submissions of the same text with nothing new are accepted within the window; the next is refused. null never refuses.'),
    /** Compare with the same `enterprise`'s requests, or every request of the same `park` and category. @default 'enterprise' */
    scope: z
      .enum(['enterprise', 'park'])
      .default('enterprise')
      .describe("'enterprise': compare with the same enterprise's requests; 'park': with every request of the same park and category."),
    /** The most earlier requests, newest first, compared with each submission. @default 200 */
    maxCandidates: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(200)
      .describe('The most earlier requests (newest first) compared with each submission.'),
    /** The most likely duplicates recorded per request, best first. @default 5 */
    maxSuggestions: z.number().int().min(1).max(20).default(5).describe('The most likely duplicates recorded per request, best first.'),
    /** The language of the note written on the timeline when a request is merged. @default 'zh-CN' */
    locale: z.enum(['zh-CN', 'en']).default('zh-CN').describe('The language of the note the plugin writes on the timeline when it merges.'),
  })
  .refine((o) => o.mergeAbove === null || o.mergeAbove >= o.suggestAbove, {
    message: 'mergeAbove must be at least suggestAbove (a request merged automatically is also a suggestion)',
    path: ['mergeAbove'],
  })
  .prefault({});

/**
 * The options as the host writes them.
 *
 * @useDeclaredType
 */
export type DuplicatesOptionsInput = z.input<typeof duplicatesOptions>;
/**
 * The options with their defaults applied.
 *
 * @useDeclaredType
 */
export type DuplicatesOptions = z.output<typeof duplicatesOptions>;
