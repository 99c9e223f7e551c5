/**
 * 受理登记: taking requests in, one tab per channel — a phone call, a visitor at the hall, a
 * visit to an enterprise (several requests at once) and a park captain's report. The tab is
 * in the address (`#/intake?channel=visit`), so a link or a reload opens the same form.
 */
import { useMemo, useState } from 'preact/hooks';
import { ProblemNote } from '../../components/problem-note.js';
import { loadPlaces } from '../../directory/places.js';
import { href, navigate, useRoute } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useLoad } from '../../use-load.js';
import { channelsFor, parksAllowed, type IntakeChannel } from './intake-channels.js';
import { IntakeResult, type IntakeOutcome } from './intake-result.js';
import { useIntakeTexts } from './intake-texts.js';
import { RequestForm } from './request-form.js';
import { VisitForm } from './visit-form.js';
import './intake.css';

export function IntakePage() {
  const session = useSession();
  const channels = useMemo(() => channelsFor(session), [session]);
  if (channels.length === 0) return <NoIntake />;
  return <IntakeTabs channels={channels} />;
}

function IntakeTabs({ channels }: { channels: IntakeChannel[] }) {
  const t = useIntakeTexts();
  const shared = useShared();
  const session = useSession();
  const route = useRoute();
  const allowedParks = useMemo(() => parksAllowed(session), [session]);
  const places = useLoad(() => loadPlaces(), []);
  const asked = route.query.get('channel');
  const channel = channels.find((c) => c === asked) ?? channels[0]!;
  const [outcome, setOutcome] = useState<IntakeOutcome | null>(null);
  // A new round remounts the form: empty fields and a new idempotency key.
  const [round, setRound] = useState(0);

  const choose = (next: IntakeChannel): void => {
    if (outcome) {
      setOutcome(null);
      setRound((n) => n + 1);
    }
    navigate(`/intake?channel=${next}`);
  };

  const onTabKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : channels.length - 1;
    const next = channels[(channels.indexOf(channel) + step) % channels.length]!;
    choose(next);
    document.getElementById(`intake-tab-${next}`)?.focus();
  };

  // Phone and walk-in share one form, so switching between them keeps what was typed.
  const formKey = `${channel === 'visit' ? 'visit' : channel === 'captain_report' ? 'captain' : 'hall'}-${round}`;
  let body;
  if (!places.data) {
    body = places.problem ? <ProblemNote problem={places.problem} onRetry={places.reload} /> : <p class="muted intake-loading">{t.loadingPlaces}</p>;
  } else if (outcome && outcome.channel === channel) {
    body = (
      <IntakeResult
        outcome={outcome}
        onAnother={() => {
          setOutcome(null);
          setRound((n) => n + 1);
        }}
      />
    );
  } else if (channel === 'visit') {
    body = <VisitForm key={formKey} places={places.data} allowedParks={allowedParks} onDone={setOutcome} />;
  } else {
    body = <RequestForm key={formKey} channel={channel} places={places.data} allowedParks={allowedParks} onDone={setOutcome} />;
  }

  return (
    <section class={`intake intake--${channel}`} data-screen="intake" data-ready={places.data ? 'true' : undefined} data-channel={channel}>
      <div class="page-head intake__head">
        <div>
          <h1>{t.title}</h1>
          <p class="lead intake__lead">{t.lead}</p>
        </div>
      </div>
      <div class="tabs intake__tabs" role="tablist" aria-label={t.tabsLabel}>
        {channels.map((c) => (
          <button
            key={c}
            id={`intake-tab-${c}`}
            type="button"
            class="tab"
            role="tab"
            data-channel={c}
            aria-selected={c === channel}
            aria-controls="intake-panel"
            tabIndex={c === channel ? 0 : -1}
            onClick={() => choose(c)}
            onKeyDown={onTabKey}
          >
            {t.tab[c] ?? shared.channel[c]}
          </button>
        ))}
      </div>
      <div id="intake-panel" role="tabpanel" aria-labelledby={`intake-tab-${channel}`} class="intake__panel">
        {outcome && outcome.channel === channel ? null : <p class="muted intake__channel-lead">{t.tabLead[channel]}</p>}
        {body}
      </div>
    </section>
  );
}

/** For members who take nothing in (a specialist, an enterprise contact): where to go instead. */
function NoIntake() {
  const t = useIntakeTexts();
  return (
    <section class="intake" data-screen="intake" data-ready="true">
      <div class="page-head">
        <h1>{t.title}</h1>
      </div>
      <div class="card empty intake-none" data-testid="intake-no-channel">
        <h2>{t.noChannel.title}</h2>
        <p>{t.noChannel.body}</p>
        <a class="button button--ghost" href={href('/queue')}>
          {t.noChannel.queue}
        </a>
      </div>
    </section>
  );
}
