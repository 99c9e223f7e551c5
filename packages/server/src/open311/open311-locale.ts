import type { Labels, OfficeConfig } from '@kechuang/community';

/** The languages the office config labels things in. */
export type Open311Locale = keyof Labels;

/**
 * The language of names and notices: `locale` in the query (`en`, `en-US`, `zh-CN` …) wins,
 * then the client's `Accept-Language` preference, then zh-CN, the language offices write in.
 */
export function localeOf(query: string | undefined, acceptLanguage: string | undefined): Open311Locale {
  if (query) return /^en\b/i.test(query) ? 'en' : 'zh-CN';
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && (r.tag.startsWith('en') || r.tag.startsWith('zh')))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh-CN';
}

type Texts = {
  yes: string;
  no: string;
  number: string;
  one: string;
  many: string;
  replyWithin: (amount: number, unit: 'days' | 'hours') => string;
  withdrawn: string;
  duplicate: string;
  outcome: Record<string, string>;
};

/** The few words the server adds itself, in each language. */
export const TEXTS: Record<Open311Locale, Texts> = {
  'zh-CN': {
    yes: '是',
    no: '否',
    number: '数字，如 12000 或 3.5',
    one: '从下列选项中选一项',
    many: '从下列选项中选一项或多项',
    replyWithin: (amount, unit) => `${amount}个工作${unit === 'days' ? '日' : '小时'}内答复。`,
    withdrawn: '诉求已撤回。',
    duplicate: '与另一条诉求重复，已合并办理。',
    outcome: { solved: '已解决。', explained: '已解释说明。', unsolvable: '暂无法解决。', out_of_scope: '不属于受理范围。' },
  },
  en: {
    yes: 'Yes',
    no: 'No',
    number: 'A number, e.g. 12000 or 3.5',
    one: 'Pick one of the values',
    many: 'Pick one or more of the values',
    replyWithin: (amount, unit) => `Answered within ${amount} working ${unit === 'days' ? (amount === 1 ? 'day' : 'days') : amount === 1 ? 'hour' : 'hours'}.`,
    withdrawn: 'The request was withdrawn.',
    duplicate: 'A duplicate of another request, which is being handled instead.',
    outcome: { solved: 'Solved.', explained: 'Explained.', unsolvable: 'Cannot be solved for now.', out_of_scope: 'Outside what the office handles.' },
  },
};

/** The office's promise for an SLA policy, e.g. "5个工作日内答复。"; null without a resolve limit. */
export function slaPromise(config: OfficeConfig | null, policyId: string | null | undefined, locale: Open311Locale): string | null {
  const resolve = config?.slaPolicies.find((p) => p.id === policyId)?.resolve;
  if (!resolve) return null;
  return 'workingDays' in resolve ? TEXTS[locale].replyWithin(resolve.workingDays, 'days') : TEXTS[locale].replyWithin(resolve.workingHours, 'hours');
}
