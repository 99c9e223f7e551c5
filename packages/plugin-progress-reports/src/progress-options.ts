import { z } from 'zod';
import { knownPlaceholders } from './report-placeholders.js';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** A template text whose `{placeholders}` are all ones a progress report fills. */
const templateText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `give the ${what}`)
    .max(max)
    .superRefine((text, ctx) => {
      for (const [, name = ''] of text.matchAll(PLACEHOLDER)) {
        if (!knownPlaceholders.includes(name)) {
          ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; use one of ${knownPlaceholders.map((p) => `{${p}}`).join(', ')}` });
        }
      }
    });

const templateSchema = z
  .strictObject({
    /** The subject line, e.g. 诉求办理进展告知：{title}. */
    title: templateText(200, 'title').describe('The subject line, e.g. 诉求办理进展告知：{title}.'),
    /** The plain-text body; a line whose placeholder has no value is left out. */
    text: templateText(5000, 'text').describe('The plain-text body; a line whose placeholder has no value is left out.'),
    /** An HTML body for e-mail; made from the text when absent. */
    html: templateText(20_000, 'HTML body').optional().describe('An HTML body for e-mail; made from the text when absent.'),
  })
  .describe('The wording of a progress report in one locale.');

const names = (what: string) => z.array(z.string().trim().min(1).max(64)).max(50).optional().describe(what);

/**
 * What makes a request long-running (长期办理): any of the tags, SLA policies or categories.
 *
 * @example
 * ```ts
 * longRunningSchema.parse({ tags: ['长期办理'], slaPolicies: ['complex'] });
 * ```
 */
export const longRunningSchema = z
  .strictObject({
    /** Tags, e.g. 长期办理 set by a routing rule. */
    tags: names('Tags, e.g. 长期办理 set by a routing rule: a request with any of them is long-running.'),
    /** SLA policy ids. */
    slaPolicies: names('SLA policy ids: a request under any of them is long-running.'),
    /** Category ids. */
    categories: names('Category ids: a request in any of them is long-running.'),
  })
  .refine((when) => [when.tags, when.slaPolicies, when.categories].some((list) => list !== undefined && list.length > 0), {
    message: 'name at least one tag, SLA policy or category that marks a request as long-running',
  })
  .describe('Which requests are long-running: those matching any of the lists given.');

/**
 * The options of the progress-reports plugin, parsed when the community is created (every
 * problem at once, as a PLUGIN_ERROR naming the plugin and the option).
 *
 * @example
 * ```ts
 * const options = progressReportsOptions.parse({ intervalWorkingDays: 3, when: { categories: ['planning'] } });
 * options.concludedStatuses; // ['replied', 'closed', 'withdrawn', 'merged']
 * ```
 */
export const progressReportsOptions = z
  .strictObject({
    /** Working days from becoming long-running to the first report, and between reports. @default 5 */
    intervalWorkingDays: z
      .number()
      .int('give the interval as a whole number of working days')
      .min(1, 'give the interval as at least 1 working day')
      .max(60, 'give the interval as at most 60 working days')
      .default(5)
      .describe('Working days (in the office calendar, holidays and make-up workdays counted) from becoming long-running to the first report, and between reports.'),
    /** Which requests are long-running: those matching any of the lists. @default { tags: ['长期办理'] } */
    when: longRunningSchema.default({ tags: ['长期办理'] }),
    /** States in which a request is concluded and reports stop. @default ['replied', 'closed', 'withdrawn', 'merged'] */
    concludedStatuses: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(50)
      .default(['replied', 'closed', 'withdrawn', 'merged'])
      .describe('Statuses in which a request is concluded and reports stop; add a plugin terminal state here if a plugin adds one.'),
    /** The plugin's wording by locale, replacing its default; an office's own template wins over both. @default {} */
    template: z
      .strictObject({
        /** The wording in Chinese. */
        'zh-CN': templateSchema.optional(),
        /** The wording in English. */
        en: templateSchema.optional(),
      })
      .default({})
      .describe("The plugin's wording by locale, replacing its default; an office's own template for progress-reports.report in its config wins over both."),
  })
  .prefault({})
  .describe('Periodic progress reports (进展告知) to the enterprise on long-running requests.');

/**
 * The options as the host writes them.
 *
 * @useDeclaredType
 */
export type ProgressReportsOptionsInput = z.input<typeof progressReportsOptions>;
/**
 * The options with defaults filled in.
 *
 * @useDeclaredType
 */
export type ProgressReportsOptions = z.output<typeof progressReportsOptions>;
/**
 * Which requests are long-running.
 *
 * @useDeclaredType
 */
export type LongRunningRule = z.output<typeof longRunningSchema>;
