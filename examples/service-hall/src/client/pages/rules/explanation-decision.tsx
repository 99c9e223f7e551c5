/**
 * The decision part of an explanation: the lead and team, the rule (or the fallback) that
 * decided, the SLA policy the request would get and where it comes from, the priority, the
 * watchers, assisting units and tags, and anyone passed over.
 */
import { useSession } from '../../session.js';
import { aside, valueWords, type WordsContext } from '../../routing/condition-words.js';
import type { Explanation } from '../../routing/explain.js';
import { ruleName, slaWords, targetWords } from '../../routing/rule-words.js';
import { useRulesTexts } from './rules-texts.js';

/** The policy the request would get: a rule's, else its category's, else the office default. */
function slaOf(explanation: Explanation, ctx: WordsContext): { id: string; from: 'rule' | 'category' | 'default' } | null {
  if (explanation.outcome.sla) return { id: explanation.outcome.sla, from: 'rule' };
  const category = ctx.config.categories.find((c) => c.id === explanation.facts.category);
  if (category?.sla) return { id: category.sla, from: 'category' };
  return ctx.config.defaultSla ? { id: ctx.config.defaultSla, from: 'default' } : null;
}

function List({ items, none, separator }: { items: string[]; none: string; separator: string }) {
  return items.length === 0 ? <span class="muted">{none}</span> : <>{items.join(separator)}</>;
}

export function ExplanationDecision({ explanation, ctx }: { explanation: Explanation; ctx: WordsContext }) {
  const t = useRulesTexts();
  const { locale } = ctx;
  const session = useSession();
  const { decision, outcome, facts } = explanation;
  const rule = ctx.config.routing.rules.find((r) => r.id === decision.ruleId);
  const sla = slaOf(explanation, ctx);
  const slaText = sla ? slaWords(sla.id, ctx) : null;
  const priority = outcome.priority ?? facts.priority;
  const lead = decision.memberId ? (session.memberNames.get(decision.memberId) ?? decision.memberId) : null;
  const team = decision.teamId ? (session.teamNames.get(decision.teamId) ?? decision.teamId) : null;
  const enterprise = facts.enterprise;
  const submitted = facts.submitted;
  return (
    <section class="card decision" aria-labelledby="routing-decision" data-testid="routing-decision" data-rule={decision.ruleId ?? ''} data-source={decision.source} data-member={decision.memberId ?? ''} data-team={decision.teamId ?? ''}>
      <div class="rules-head">
        <h2 id="routing-decision">{t.result.heading}</h2>
        <span class="badge">{t.result.configVersion(explanation.configVersion)}</span>
      </div>
      <div class="decision__lead">
        <span class="decision__who" data-testid="routing-lead">
          {lead ?? t.result.nobody}
        </span>
        {team ? <span class="decision__team">{team}</span> : null}
      </div>
      <dl class="facts decision__facts">
        <dt>{t.result.basis}</dt>
        <dd>
          {decision.source === 'rule' && decision.ruleId ? (
            <>
              {t.result.byRule(ruleName(rule, decision.ruleId, ctx))} <code class="trace__id">{decision.ruleId}</code>
            </>
          ) : (
            aside(t.result.byFallback, targetWords(ctx.config.routing.fallback.assign, ctx), locale)
          )}
        </dd>
        <dt>{t.result.sla}</dt>
        <dd data-testid="routing-sla" data-sla={sla?.id ?? ''}>
          {slaText ? (
            <>
              <strong>{slaText.name}</strong> {slaText.limits ? <span>· {slaText.limits}</span> : null} <span class="muted">· {t.result.slaFrom[sla!.from]}</span>
            </>
          ) : (
            t.result.noSla
          )}
        </dd>
        <dt>{t.result.priority}</dt>
        <dd>
          <span class={priority === 'urgent' ? 'badge decision__urgent' : 'badge'}>{ctx.shared.priority[priority] ?? priority}</span>
          {outcome.priority ? <span class="muted"> {t.result.priorityByRule}</span> : null}
        </dd>
        <dt>{t.result.watchers}</dt>
        <dd>
          <List items={outcome.watchers.map((w) => targetWords(w, ctx))} none={t.result.none} separator={ctx.t.cond.list} />
        </dd>
        <dt>{t.result.assists}</dt>
        <dd>
          <List items={outcome.assists.map((a) => targetWords(a.target, ctx))} none={t.result.none} separator={ctx.t.cond.list} />
        </dd>
        <dt>{t.result.tags}</dt>
        <dd>{outcome.tags.length === 0 ? <span class="muted">{t.result.none}</span> : outcome.tags.map((tag) => <span key={tag} class="badge decision__tag">{tag}</span>)}</dd>
        {decision.skipped.length > 0 ? (
          <>
            <dt>{t.result.skipped}</dt>
            <dd>{decision.skipped.map((s) => aside(session.memberNames.get(s.memberId) ?? s.memberId, t.result.why[s.why] ?? s.why, locale)).join(ctx.t.cond.list)}</dd>
          </>
        ) : null}
      </dl>
      <p class="decision__tested muted">
        {t.result.facts}
        {ctx.t.cond.colon}
        {[
          valueWords('category', facts.category, ctx),
          valueWords('channel', facts.channel, ctx),
          facts.park ? `${t.result.park} ${valueWords('park', facts.park, ctx)}` : null,
          enterprise ? `${t.result.enterprise} ${[enterprise.code, enterprise.industry, enterprise.size ? ctx.t.cond.sizes[enterprise.size] : null].filter(Boolean).join(' · ')}` : null,
          submitted ? t.result.inHours(submitted.inOfficeHours, submitted.workingDay) : null,
        ]
          .filter(Boolean)
          .join(' ｜ ')}
      </p>
    </section>
  );
}
