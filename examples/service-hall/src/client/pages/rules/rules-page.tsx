/**
 * 派单规则: try a would-be request against the routing rules and read the explained decision,
 * above the office's rules in force, in words.
 */
import { useState } from 'preact/hooks';
import { ProblemNote } from '../../components/problem-note.js';
import { formatDate } from '../../format.js';
import { useLocale } from '../../i18n.js';
import type { Explanation } from '../../routing/explain.js';
import { useRoutingWords } from '../../routing/use-routing-words.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../use-load.js';
import { ExplainForm } from './explain-form.js';
import { ExplanationView } from './explanation-view.js';
import { RuleList } from './rule-list.js';
import { useRulesTexts } from './rules-texts.js';
import { loadRulesDirectory } from './use-directory.js';
import './rules.css';

export function RulesPage() {
  const t = useRulesTexts();
  const locale = useLocale();
  const session = useSession();
  const directory = useLoad((signal) => loadRulesDirectory(signal), []);
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const data = directory.data;
  // The words follow the config this screen loaded (with its version), not the session's copy.
  const ctx = useRoutingWords(data?.config);

  return (
    <section class="rules" data-screen="rules" data-ready={data ? 'true' : undefined}>
      <div class="page-head">
        <div>
          <h1>{t.title}</h1>
          <p class="lead rules-lead">{t.lead}</p>
        </div>
      </div>
      <ProblemNote problem={directory.problem} onRetry={directory.reload} />
      {!data ? (
        directory.problem ? null : <p class="splash">{t.loading}</p>
      ) : (
        <>
          <div class="rules-try">
            <ExplainForm directory={data} onExplained={setExplanation} />
            <div class="rules-result" aria-live="polite">
              {explanation ? (
                <ExplanationView explanation={explanation} ctx={ctx} />
              ) : (
                <div class="card rules-placeholder">
                  <h2>{t.result.heading}</h2>
                  <p class="empty">{t.result.empty}</p>
                </div>
              )}
            </div>
          </div>
          <RuleList routing={data.config.routing} version={t.rules.version(data.version, formatDate(data.since, locale, session.office.timeZone))} ctx={ctx} />
        </>
      )}
    </section>
  );
}
