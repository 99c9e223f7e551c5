/**
 * The duplicate check's verdict on a request just taken in. The submit answers with the
 * request as it committed, and the check merges it right after (a merge is a command of its
 * own), so a marked request is read again for its status, and the check's route names the
 * request it repeats.
 */
import type { ServiceRequest } from '@kechuang/community';
import { api, type Wire } from '../../api.js';
import { duplicatesMarkOf, loadDuplicates, scorePercent, type DuplicatesListing, type DuplicatesMark } from '../../duplicates/duplicates-data.js';
import { useDuplicatesTexts } from '../../duplicates/duplicates-texts.js';
import { href } from '../../router.js';
import { useLoad } from '../../use-load.js';
import '../../duplicates/duplicates.css';

export interface DuplicateCheck {
  mark: DuplicatesMark;
  /** The request's status now: `merged` once the check's merge went through. */
  status: string;
  listing: DuplicatesListing;
}

/** The check's verdict once read, or null for a request it did not mark (or while it is read). */
export function useDuplicateCheck(request: Wire<ServiceRequest>): DuplicateCheck | null {
  const mark = duplicatesMarkOf(request);
  const loaded = useLoad(
    async (signal) => {
      if (!mark) return null;
      const [now, listing] = await Promise.all([api<{ request: Wire<ServiceRequest> }>('GET', `/api/requests/${encodeURIComponent(request.id)}`, undefined, { signal }), loadDuplicates(request.id, signal)]);
      return { status: now.request.status, listing };
    },
    [request.id, mark?.duplicateOfId],
  );
  return mark && loaded.data ? { mark, ...loaded.data } : null;
}

export function DuplicateNote({ check }: { check: DuplicateCheck | null }) {
  const t = useDuplicatesTexts().intake;
  if (!check) return null;
  const { mark, status, listing } = check;
  const merged = mark.action === 'merge' && status === 'merged';
  const original = listing.duplicates.find((d) => d.requestId === mark.duplicateOfId);
  const percent = scorePercent(original?.score ?? mark.score);
  const text = !original ? t.hidden(percent) : merged ? t.merged(original.title, percent) : t.suggested(original.title, percent);
  return (
    <div class={merged ? 'notice notice--warn dup-note' : 'notice dup-note'} role="status" data-testid="intake-duplicate" data-decision={merged ? 'merged' : 'suggested'}>
      <p>
        {text}
        {original ? (
          <>
            {' '}
            <a href={href(`/requests/${original.requestId}`)} data-testid="intake-duplicate-link">
              {t.open}
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}
