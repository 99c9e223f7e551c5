/**
 * The refusal of a request repeated with nothing new, beside the form that sent it: in the
 * reader's language from the refusal's facts (the server's sentence is English and names
 * the repeats by id), with a link to the request to follow up instead.
 */
import type { ApiProblem } from '../api.js';
import { href } from '../router.js';
import { repeatRefusalOf } from './duplicates-data.js';
import { useDuplicatesTexts } from './duplicates-texts.js';
import './duplicates.css';

export function RepeatRefusalNote({ problem }: { problem: ApiProblem | null }) {
  const t = useDuplicatesTexts().refusal;
  const refusal = repeatRefusalOf(problem);
  if (!refusal) return null;
  return (
    <div class="dup-refusal" role="alert" data-testid="repeat-refused" data-problem-code={problem?.code} title={refusal.message}>
      <strong>{t.title}</strong>
      <p>{t.body(refusal.byEnterprise, refusal.repeats, refusal.windowDays)}</p>
      <p>
        {t.advice}
        {refusal.followUpId ? (
          <>
            {' '}
            <a href={href(`/requests/${refusal.followUpId}`)} data-testid="repeat-follow-up">
              {t.followUp}
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}
