/**
 * The enterprise's requests in four figures — filed, concluded, solved, satisfied — with what
 * each is out of. Satisfied follows the office's rule on 基本满意.
 */
import { useSession } from '../../session.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import type { WireLifecycle } from './lifecycle-events.js';

interface Figure {
  key: 'total' | 'concluded' | 'solved' | 'satisfied';
  value: number;
  note: string | null;
}

export function EnterpriseSummary({ lifecycle }: { lifecycle: WireLifecycle }) {
  const t = useEnterpriseTexts();
  const { config } = useSession();
  const { summary } = lifecycle;
  const counts = (record: Partial<Record<string, number>>, key: string): number => record[key] ?? 0;
  const basicCounts = config.metrics?.basicallySatisfiedCounts ?? true;
  const basic = counts(summary.bySatisfaction, 'basically_satisfied');
  const rated = Object.values(summary.bySatisfaction).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const concluded = counts(summary.byStatus, 'closed');
  const figures: Figure[] = [
    { key: 'total', value: summary.requests, note: summary.open ? `${t.summary.open} ${summary.open}` : null },
    { key: 'concluded', value: concluded, note: null },
    { key: 'solved', value: counts(summary.byOutcome, 'solved'), note: concluded ? t.summary.ofConcluded(concluded) : null },
    {
      key: 'satisfied',
      value: counts(summary.bySatisfaction, 'satisfied') + (basicCounts ? basic : 0),
      note: basicCounts && basic ? t.summary.withBasic(basic) : rated ? t.summary.ofRated(rated) : null,
    },
  ];
  return (
    <ul class="ent-stats" aria-label={t.summary.label} data-testid="enterprise-summary">
      {figures.map((f) => (
        <li key={f.key} class={`ent-stat ent-stat--${f.key}`} data-summary={f.key} data-value={f.value}>
          <span class="ent-stat__label">{t.summary[f.key]}</span>
          <strong class="ent-stat__value">{f.value}</strong>
          {f.note ? <span class="ent-stat__note">{f.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
