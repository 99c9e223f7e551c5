/**
 * The request's timeline (办理过程), oldest first: when, who, what in a sentence, the status
 * change, and whatever the person wrote or attached.
 */
import { StatusBadge } from '../../components/badges.js';
import { href } from '../../router.js';
import { AttachmentList } from './attachment-list.js';
import { attachmentsOf, textOf, type Entry } from './request-data.js';
import { useRequestTexts } from './request-texts.js';
import { useTimelineTexts } from './timeline-texts.js';
import { useNamer } from './use-namer.js';

/** The data keys that hold what a person wrote, in the order they are shown. */
const WRITTEN = ['reason', 'text', 'note', 'comment'] as const;

/** Entries the SDK computes on its own (routing, deadlines): their `reason` is a log line, not a person's words. */
const COMPUTED = new Set(['routed', 'sla_scheduled', 'sla_rescheduled', 'escalated']);

function computed(entry: Entry): boolean {
  return COMPUTED.has(entry.type) || textOf(entry.data, 'by') === 'routing';
}

/** Oldest first; entries of one command in the order the command wrote them. */
export function inOrder(timeline: readonly Entry[]): Entry[] {
  return [...timeline].sort((a, b) => a.seq - b.seq || a.index - b.index);
}

export function TimelineList({ requestId, timeline }: { requestId: string; timeline: readonly Entry[] }) {
  const t = useTimelineTexts();
  const page = useRequestTexts();
  const namer = useNamer();
  const entries = inOrder(timeline);
  return (
    <section class="card" data-testid="timeline" aria-labelledby="timeline-title">
      <div class="rd-card-head">
        <h2 id="timeline-title">{t.title}</h2>
        <span class="muted">{t.count(entries.length)}</span>
      </div>
      {entries.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <ol class="rd-timeline">
          {entries.map((entry) => {
            const sentence = t.sentences[entry.type];
            const byComputer = entry.actor.kind === 'system' || computed(entry);
            const actor = byComputer ? page.system : namer.member(entry.actor.id);
            const written = COMPUTED.has(entry.type) ? [] : WRITTEN.map((key) => [key, textOf(entry.data, key)] as const).filter(([, value]) => value !== null);
            const attachments = attachmentsOf(entry.data);
            const original = entry.type === 'merged' ? textOf(entry.data, 'duplicateOfId') : null;
            return (
              <li key={entry.id} class={`rd-timeline__item rd-timeline__item--${entry.type}`} data-entry-type={entry.type}>
                <span class="rd-timeline__dot" aria-hidden="true" />
                <div class="rd-timeline__meta">
                  <time dateTime={entry.at}>{namer.date(entry.at)}</time>
                  <span class="rd-timeline__actor">{actor}</span>
                </div>
                <p class="rd-timeline__sentence">{sentence ? sentence(entry.data, namer) : t.unknown(entry.type)}</p>
                {entry.toStatus ? (
                  <p class="rd-timeline__status">
                    <span class="visually-hidden">
                      {t.statusChange}
                      {t.colon}
                    </span>
                    {entry.fromStatus ? (
                      <>
                        <StatusBadge status={entry.fromStatus} />
                        <span aria-hidden="true"> → </span>
                      </>
                    ) : null}
                    <StatusBadge status={entry.toStatus} />
                  </p>
                ) : null}
                {written.map(([key, value]) => (
                  <blockquote key={key} class="rd-timeline__quote">
                    <span class="rd-timeline__quote-label">
                      {t.labels[`${entry.type}.${key}`] ?? t.labels[key]}
                      {t.colon}
                    </span>
                    {value}
                  </blockquote>
                ))}
                {original ? (
                  <p class="rd-timeline__link">
                    <a href={href(`/requests/${original}`)}>{t.mergedInto}</a>
                  </p>
                ) : null}
                {attachments.length > 0 ? <AttachmentList requestId={requestId} attachments={attachments} label={t.attachments} /> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
