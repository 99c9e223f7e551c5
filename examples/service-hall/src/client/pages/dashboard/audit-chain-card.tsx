/**
 * 审计链: whether the office's tamper-evident log of commands (`@kechuang/plugin-audit-chain`)
 * still verifies, for the station head and office staff, the only members its route answers.
 * Intact with how many entries it holds, or the first problem found, in the server's words
 * for the language in force. Checked again whenever the dashboard's figures reload.
 */
import type { AuditChainVerification } from '@kechuang/plugin-audit-chain';
import { formatCount } from '@kechuang/community/charts';
import { api, query } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { formatDateTime } from '../../format.js';
import { useLocale, type Locale } from '../../i18n.js';
import { useSession, type HallSession } from '../../session.js';
import { useLoad, type Loaded } from '../../use-load.js';
import { useAuditChainTexts } from './audit-chain-texts.js';

export interface AuditCheck {
  result: AuditChainVerification;
  /** When the server answered, for the card's "checked at". */
  at: string;
  locale: Locale;
}

/** Whether the member may verify the chain: the route answers the station head and office staff only. */
export function mayVerify(session: HallSession): boolean {
  return session.is('station_head') || session.is('office_staff');
}

/** The chain checked for the member, or nothing for a member the route would refuse. */
export function useAuditChain(): Loaded<AuditCheck | null> {
  const session = useSession();
  const locale = useLocale();
  const allowed = mayVerify(session);
  return useLoad(
    async (signal) => {
      if (!allowed) return null;
      const result = await api<AuditChainVerification>('GET', `/api/plugins/audit-chain/verify${query({ locale })}`, undefined, { signal });
      return { result, at: new Date().toISOString(), locale };
    },
    [allowed, locale],
  );
}

/** `9f86d081…b0f00a08`: enough of a hash to compare it with one kept elsewhere. */
function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

export function AuditChainCard({ check }: { check: Loaded<AuditCheck | null> }) {
  const t = useAuditChainTexts();
  const locale = useLocale();
  const session = useSession();
  if (!mayVerify(session)) return null;
  const data = check.data ?? null;
  const result = data?.result;
  const state = result === undefined ? 'checking' : result.ok ? 'intact' : 'broken';
  return (
    <section
      class={`card dash-audit dash-audit--${state}`}
      data-testid="audit-chain"
      data-state={state}
      data-entries={result?.ok ? result.entries : undefined}
      aria-labelledby="audit-chain-title"
      aria-busy={check.loading}
    >
      <div class="dash-audit__head">
        <h2 id="audit-chain-title" class="dash-audit__title">
          {t.title}
        </h2>
        {result ? <span class={`badge dash-audit__state dash-audit__state--${state}`}>{result.ok ? t.intact : t.broken}</span> : null}
        {data ? <span class="muted dash-audit__at">{t.checkedAt(formatDateTime(data.at, locale, session.office.timeZone))}</span> : null}
        <button type="button" class="button button--ghost button--small dash-audit__again" disabled={check.loading} onClick={check.reload}>
          {check.loading ? t.checking : t.again}
        </button>
      </div>
      <ProblemNote problem={check.problem} />
      {result?.ok ? (
        <p class="dash-audit__text" data-testid="audit-chain-text">
          {result.entries === 0 ? t.empty : t.entries(result.entries, formatCount(result.entries, locale))}
          {result.head ? (
            <span class="dash-audit__hash" title={result.head}>
              {t.head(shortHash(result.head))}
            </span>
          ) : null}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div class="dash-audit__problem" data-testid="audit-chain-problem" data-kind={result.problem.kind} data-seq={result.problem.seq}>
          <p>
            <strong>{t.problem(result.problem.seq)}</strong>
            {result.problem.message}
          </p>
          <p class="muted">{t.advice}</p>
        </div>
      ) : null}
    </section>
  );
}
