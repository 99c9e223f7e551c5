import { definePlugin, type NotificationLocale } from '@kechuang/community';
import { z } from 'zod';
import { largeClaimTemplates } from './debt-recovery-templates.js';
import { formatAmount } from './format-amount.js';
import { parseAmount } from './parse-amount.js';

/**
 * The routing condition operator, as an office's rules name it.
 *
 * @example
 * ```ts
 * const when = { 'attributes.amount_owed': { [AT_LEAST_OPERATOR]: '10万' } };
 * ```
 */
export const AT_LEAST_OPERATOR = 'debt-recovery.at_least';

/**
 * The notification event of a large claim, as an office's rules and templates name it.
 *
 * @example
 * ```ts
 * const rule = { on: [LARGE_CLAIM_EVENT], to: [{ role: 'station_head' }] };
 * ```
 */
export const LARGE_CLAIM_EVENT = 'debt-recovery.large_claim';

const LOCALES: readonly NotificationLocale[] = ['zh-CN', 'en'];
const SUM_HINT = 'give a sum of money such as 100000, 10万 or 1.5亿';

/** A sum of money in an option: a number of yuan or a text `parseAmount` reads; parsed to yuan. */
const sumOfMoney = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const yuan = parseAmount(value);
  if (yuan === null) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a sum of money; ${SUM_HINT}` });
    return z.NEVER;
  }
  return yuan;
});

const debtRecoveryOptions = z.object({
  /** The category attribute that holds the sum owed, as the office's config declares it. @default 'amount_owed' */
  attribute: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'name the attribute by its code in the office config, e.g. amount_owed')
    .default('amount_owed'),
  /** From this sum on, a new request is a large claim and the office is told. @default 100000 (10万元) */
  noticeAtLeast: sumOfMoney.default(100_000),
});

/**
 * Debt recovery (欠款追讨) for an office whose enterprises ask for help with unpaid invoices.
 * It adds two things an office uses from its own config:
 *
 * - the routing condition operator `debt-recovery.at_least`, which reads the sum in a request
 *   attribute as people write it (`约12万元`, `40余万`, `壹拾贰万元整`, `80,000元`) and compares
 *   it with the rule's sum: `{ attributes.amount_owed: { debt-recovery.at_least: 10万 } }`;
 * - the notification event `debt-recovery.large_claim`, sent with each new request owing at
 *   least `noticeAtLeast`, with its wording in zh-CN and en (`{amount}` states the sum). It has
 *   no recipient rule of its own: whoever the office's rules name for it is told.
 *
 * @example
 * ```ts
 * import { createCommunity, memoryStorage } from '@kechuang/community';
 *
 * const community = createCommunity({ storage: memoryStorage(), plugins: [debtRecovery({ noticeAtLeast: '50万' })] });
 * ```
 */
export const debtRecovery = definePlugin({
  id: 'debt-recovery',
  version: '1.0.0',
  options: debtRecoveryOptions,
  setup({ options, routing, notifications, hooks }) {
    routing.operator({
      name: AT_LEAST_OPERATOR,
      validate: (argument) => (parseAmount(argument) === null ? `${JSON.stringify(argument)} is not a sum of money; ${SUM_HINT}` : null),
      test(actual, argument) {
        const owed = parseAmount(actual);
        const floor = parseAmount(argument);
        return owed !== null && floor !== null && owed >= floor;
      },
    });

    notifications.event('large_claim');
    for (const locale of LOCALES) notifications.template(LARGE_CLAIM_EVENT, locale, largeClaimTemplates[locale]);

    // Inside the submission's transaction: the notice's outbox rows commit with the request,
    // or not at all.
    hooks.transaction('submit', async ({ tx, request }) => {
      const owed = parseAmount(request.attributes[options.attribute]);
      if (owed === null || owed < options.noticeAtLeast) return;
      await notifications.send(tx, {
        officeId: request.officeId,
        requestId: request.id,
        event: LARGE_CLAIM_EVENT,
        key: 'large-claim',
        data: { amount: { 'zh-CN': formatAmount(owed, 'zh-CN'), en: formatAmount(owed, 'en') }, amountYuan: owed },
        now: request.createdAt,
      });
    });
  },
});
