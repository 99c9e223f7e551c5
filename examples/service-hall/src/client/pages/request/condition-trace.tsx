/**
 * How one routing rule fared, condition by condition: the field tested, what the rule needs,
 * what the request had, and whether it passed. Values with a configured name (a category, a
 * channel) are shown by name.
 */
import { pickLabel, useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import type { ConditionTrace, RuleTrace } from './request-data.js';
import { useRequestTexts } from './request-texts.js';

const GROUPS = new Set(['all', 'any', 'not']);
const LONG = 80;

/** Names a field and its values the way the office's config and the shared words do. */
function useValueWords() {
  const t = useRequestTexts();
  const shared = useShared();
  const locale = useLocale();
  const { config } = useSession();
  const field = (name: string): string => {
    if (name.startsWith('attributes.')) {
      const code = name.slice('attributes.'.length);
      for (const category of config.categories) {
        const attribute = category.attributes.find((a) => a.code === code);
        if (attribute) return pickLabel(attribute.labels, locale, code);
      }
      return code;
    }
    return t.routing.fields[name] ?? name;
  };
  const one = (name: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t.routing.empty;
    if (typeof value === 'boolean') return value ? t.facts.yes : t.facts.no;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (name === 'category') {
      const category = config.categories.find((c) => c.id === text);
      if (category) return pickLabel(category.labels, locale, text);
    }
    if (name === 'channel') return shared.channel[text] ?? text;
    if (name === 'priority') return shared.priority[text] ?? text;
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > LONG ? `${flat.slice(0, LONG)}…` : flat;
  };
  const value = (name: string, v: unknown): string => (Array.isArray(v) ? v.map((item) => one(name, item)).join(locale === 'en' ? ', ' : '、') : one(name, v));
  return { field, value };
}

function ConditionNode({ node }: { node: ConditionTrace }) {
  const t = useRequestTexts();
  const words = useValueWords();
  const verdict = (
    <span class={node.passed ? 'rd-trace__verdict rd-trace__verdict--yes' : 'rd-trace__verdict rd-trace__verdict--no'}>
      <span aria-hidden="true">{node.passed ? '✓' : '✗'}</span> {node.passed ? t.routing.passed : t.routing.failed}
    </span>
  );
  if (GROUPS.has(node.kind)) {
    return (
      <li class="rd-trace__node" data-passed={String(node.passed)}>
        <span class="rd-trace__group">{t.routing.fields[node.kind] ?? node.kind}</span> {verdict}
        {node.children && node.children.length > 0 ? (
          <ul class="rd-trace__children">
            {node.children.map((child) => (
              <ConditionNode key={child.path} node={child} />
            ))}
          </ul>
        ) : null}
      </li>
    );
  }
  const operator = node.operator ? (t.routing.operators[node.operator] ?? node.operator) : '';
  return (
    <li class="rd-trace__node" data-passed={String(node.passed)}>
      <span class="rd-trace__test">
        <strong>{words.field(node.kind)}</strong> {operator} <span class="rd-trace__expected">{words.value(node.kind, node.expected)}</span>
      </span>{' '}
      {verdict}
      <span class="rd-trace__actual">
        {t.routing.actual}
        {words.value(node.kind, node.actual)}
      </span>
    </li>
  );
}

/** Why a rule was not evaluated, in the reader's language when the SDK's wording is known. */
function useSkipReason(): (reason: string) => string {
  const t = useRequestTexts();
  const words = useValueWords();
  return (reason) => {
    const earlier = /^rule (\S+) matched earlier and does not continue$/.exec(reason);
    if (earlier) return t.routing.skippedEarlier(earlier[1] ?? '');
    const ruled = /^(\S+) is (.*), rule needs one of \[(.*)\]$/.exec(reason);
    if (ruled) {
      const [, field = '', actual = '', needs = ''] = ruled;
      const bare = actual === 'none' ? null : actual.replace(/^'(.*)'$/, '$1');
      return t.routing.ruledOut(words.field(field), words.value(field, bare), words.value(field, needs.split(', ')));
    }
    const keywords = /^text contains none of \[(.*)\]$/.exec(reason);
    if (keywords) return t.routing.noKeywords(words.value('text', (keywords[1] ?? '').split(', ')));
    return reason;
  };
}

/** One rule: whether it matched, its description from the config, and its conditions. */
export function RuleTraceItem({ rule }: { rule: RuleTrace }) {
  const t = useRequestTexts();
  const { config } = useSession();
  const skipReason = useSkipReason();
  const description = config.routing.rules.find((r) => r.id === rule.ruleId)?.description;
  const state = rule.skippedBecause ? 'skipped' : rule.matched ? 'matched' : 'not-matched';
  const label = rule.skippedBecause ? t.routing.skipped : rule.matched ? t.routing.matched : t.routing.notMatched;
  return (
    <li class={`rd-trace__rule rd-trace__rule--${state}`} data-rule-id={rule.ruleId} data-matched={String(rule.matched)}>
      <div class="rd-trace__rule-head">
        <span class={`rd-trace__chip rd-trace__chip--${state}`}>{label}</span>
        <code>{rule.ruleId}</code>
      </div>
      {description ? <p class="rd-trace__description">{description}</p> : null}
      {rule.skippedBecause ? <p class="muted rd-trace__skipped">{skipReason(rule.skippedBecause)}</p> : null}
      {rule.condition ? (
        <ul class="rd-trace__tree">
          <ConditionNode node={rule.condition} />
        </ul>
      ) : null}
    </li>
  );
}
