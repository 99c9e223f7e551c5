/**
 * 可能重复: what the duplicate check found when the request was taken in. The likely
 * duplicates the member may see, best first, each with how alike it is, a link and the text
 * both share; and when the check merged this request, the reason it recorded on the timeline.
 * Shown only for a request the check marked.
 */
import { StatusBadge } from '../../components/badges.js';
import { duplicatesMarkOf, loadDuplicates, scorePercent, type DuplicatesMark, type ListedDuplicate } from '../../duplicates/duplicates-data.js';
import { useDuplicatesTexts } from '../../duplicates/duplicates-texts.js';
import { formatDate } from '../../format.js';
import { useLocale } from '../../i18n.js';
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../use-load.js';
import { textOf, type Entry, type Req } from './request-data.js';
import { inOrder } from './timeline-list.js';
import '../../duplicates/duplicates.css';

/** Shared passages can run to the whole text; the panel quotes this much of one. */
const QUOTE_CHARS = 120;

function quote(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
}

/** The note the check's merge wrote on the timeline: the system's `merged` entry naming the original. */
function mergeNote(timeline: readonly Entry[], mark: DuplicatesMark): string | null {
  const entry = inOrder(timeline)
    .filter((e) => e.type === 'merged' && e.actor.kind === 'system' && textOf(e.data, 'duplicateOfId') === mark.duplicateOfId)
    .at(-1);
  return entry ? textOf(entry.data, 'note') : null;
}

export function DuplicatesPanel({ request, timeline }: { request: Req; timeline: readonly Entry[] }) {
  const mark = duplicatesMarkOf(request);
  // Loaded again with every new version, so a live change of a duplicate's status shows.
  const listing = useLoad((signal) => (mark ? loadDuplicates(request.id, signal) : Promise.resolve(null)), [request.id, request.version, mark?.duplicateOfId]);
  const data = listing.data;
  if (!mark || !data || data.requestId !== request.id) return null;
  const merged = mark.action === 'merge' && request.status === 'merged' && request.duplicateOfId === mark.duplicateOfId;
  // A suggestion whose duplicates the member may not see has nothing to show them.
  if (!merged && data.duplicates.length === 0) return null;
  return <Panel request={request} mark={mark} merged={merged} duplicates={data.duplicates} note={merged ? mergeNote(timeline, mark) : null} />;
}

interface PanelProps {
  request: Req;
  mark: DuplicatesMark;
  merged: boolean;
  duplicates: readonly ListedDuplicate[];
  note: string | null;
}

function Panel({ request, mark, merged, duplicates, note }: PanelProps) {
  const t = useDuplicatesTexts().panel;
  const original = duplicates.find((d) => d.requestId === mark.duplicateOfId);
  const percent = scorePercent(original?.score ?? mark.score);
  return (
    <section class="card dup-panel" data-testid="duplicates-panel" data-decision={merged ? 'merged' : 'suggested'} aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t.title}</h2>
      {merged ? (
        <div class="notice notice--warn dup-panel__merged" data-testid="duplicates-merged">
          <p>{original ? t.merged(original.title, percent) : t.mergedHidden(percent)}</p>
          {note ? (
            <blockquote class="dup-panel__reason">
              <span class="dup-panel__reason-label">{t.reason}</span>
              {note}
            </blockquote>
          ) : null}
        </div>
      ) : (
        <p class={mark.action === 'merge' ? 'notice notice--warn dup-panel__hint' : 'notice dup-panel__hint'}>{mark.action === 'merge' && request.status !== 'merged' ? t.mergeFailed : t.suggested}</p>
      )}
      {duplicates.length > 0 ? (
        <>
          <p class="muted dup-panel__lead">{t.lead}</p>
          <ol class="dup-list">
            {duplicates.map((duplicate) => (
              <DuplicateItem key={duplicate.requestId} duplicate={duplicate} original={merged && duplicate.requestId === mark.duplicateOfId} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function DuplicateItem({ duplicate, original }: { duplicate: ListedDuplicate; original: boolean }) {
  const t = useDuplicatesTexts().panel;
  const locale = useLocale();
  const { office } = useSession();
  const percent = scorePercent(duplicate.score);
  return (
    <li class="dup-item" data-duplicate-id={duplicate.requestId} data-score={duplicate.score}>
      <div class="dup-item__head">
        <a class="dup-item__title" href={href(`/requests/${duplicate.requestId}`)}>
          {duplicate.title}
        </a>
        <StatusBadge status={duplicate.status} />
        {original ? <span class="badge dup-item__original">{t.original}</span> : null}
      </div>
      <div class="dup-item__score">
        <meter class="dup-meter" min={0} max={1} value={duplicate.score} aria-label={t.similarity} />
        <strong data-testid="duplicate-score">{t.score(percent)}</strong>
        <span class="muted">{t.filed(formatDate(duplicate.createdAt, locale, office.timeZone))}</span>
      </div>
      {duplicate.sharedText ? (
        <p class="dup-item__shared" title={duplicate.sharedText.length > QUOTE_CHARS ? duplicate.sharedText : undefined}>
          {t.shared(quote(duplicate.sharedText))}
        </p>
      ) : null}
    </li>
  );
}
