/**
 * Why the request went where it went (派单依据): what routing recorded on it, in plain words,
 * and on demand every rule checked again against the request (`POST /api/routing/explain`),
 * condition by condition.
 */
import { useState } from 'preact/hooks';
import { asProblem, type ApiProblem } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { explainRouting, requestFacts, type Explanation } from '../../routing/explain.js';
import { RuleTraceList } from '../../routing/rule-trace.js';
import { useRoutingWords } from '../../routing/use-routing-words.js';
import { useSession } from '../../session.js';
import { inOrder } from './timeline-list.js';
import { textOf, type Entry, type Req } from './request-data.js';
import { useRequestTexts } from './request-texts.js';
import { useNamer } from './use-namer.js';

/** Whom the last routing placed it with: the `assigned` entry written with the `routed` one. */
function routedTo(timeline: readonly Entry[]): { memberId: string | null; teamId: string | null } | null {
  const entries = inOrder(timeline);
  const routed = entries.filter((e) => e.type === 'routed').at(-1);
  if (!routed) return null;
  const assigned = entries.find((e) => e.seq === routed.seq && e.type === 'assigned');
  return assigned ? { memberId: textOf(assigned.data, 'assigneeId'), teamId: textOf(assigned.data, 'teamId') } : null;
}

export function RoutingExplanation({ request, timeline }: { request: Req; timeline: readonly Entry[] }) {
  const t = useRequestTexts();
  const namer = useNamer();
  const { config } = useSession();
  const words = useRoutingWords();
  const [open, setOpen] = useState(false);
  const [explained, setExplained] = useState<Explanation | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(false);
  const routing = request.routing;
  const to = routedTo(timeline);
  const rule = routing?.ruleId ? config.routing.rules.find((r) => r.id === routing.ruleId) : undefined;

  const explain = async (): Promise<void> => {
    setLoading(true);
    setProblem(null);
    try {
      // As it stands now: the stored priority and tags, which the rules may test.
      setExplained(await explainRouting({ ...requestFacts(request), priority: request.priority, tags: request.tags }));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setLoading(false);
    }
  };
  const toggle = (): void => {
    const next = !open;
    setOpen(next);
    if (next && !explained && !loading) void explain();
  };

  const headline = !routing ? t.routing.notRouted : routing.source === 'rule' && routing.ruleId ? t.routing.byRule(routing.ruleId) : routing.source === 'fallback' ? t.routing.byFallback : t.routing.byNone;
  const decision = explained?.decision;
  return (
    <section class="card" data-testid="routing-explanation" aria-labelledby="routing-title" data-rule-id={routing?.ruleId ?? undefined} data-source={routing?.source}>
      <h2 id="routing-title">{t.routing.title}</h2>
      <p class="rd-routing__headline">
        {headline}
        {to ? t.routing.to(namer.lead(to.memberId, to.teamId)) : null}
      </p>
      {rule?.description ? <p class="rd-routing__description">{rule.description}</p> : null}
      {routing ? (
        <dl class="facts facts--side">
          {routing.ruleId ? (
            <>
              <dt>{t.routing.rule}</dt>
              <dd>
                <code>{routing.ruleId}</code>
              </dd>
            </>
          ) : null}
          <dt>{t.routing.source}</dt>
          <dd>{t.routing.sources[routing.source] ?? routing.source}</dd>
          <dt>{t.routing.configVersion}</dt>
          <dd>{t.routing.version(routing.configVersion)}</dd>
        </dl>
      ) : null}
      <button type="button" class="button button--ghost button--small rd-routing__toggle" aria-expanded={open} aria-controls="routing-why" data-testid="routing-why" onClick={toggle}>
        {open ? t.routing.hideWhy : t.routing.why}
      </button>
      {open ? (
        <div id="routing-why" class="rd-routing__why">
          {loading ? <p class="muted">{t.routing.explaining}</p> : null}
          <ProblemNote problem={problem} onRetry={() => void explain()} />
          {explained && decision ? (
            <>
              <p class="muted">{t.routing.explainedNow}</p>
              <p class="rd-routing__verdict">{decision.memberId ? t.routing.wouldGo(namer.lead(decision.memberId, decision.teamId)) : t.routing.nobody}</p>
              {routing && decision.ruleId !== routing.ruleId ? <p class="notice notice--warn">{t.routing.differs}</p> : null}
              {routing ? (
                <p class="rd-routing__reason">
                  {t.routing.systemNote}<code>{routing.reason}</code>
                </p>
              ) : null}
              <RuleTraceList explanation={explained} ctx={words} />
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
