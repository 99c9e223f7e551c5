/**
 * A form's or screen's problem in words: the server's message, and for invalid fields a
 * pointer to them. Never a stack trace or a raw body.
 */
import type { ApiProblem } from '../api.js';
import { useShared } from '../shared-texts.js';

export function ProblemNote({ problem, onRetry }: { problem: ApiProblem | null; onRetry?: () => void }) {
  const t = useShared();
  if (!problem) return null;
  const hasFields = Object.keys(problem.fields).length > 0;
  const message = problem.code === 'NETWORK' ? t.common.networkDown : problem.status === 404 ? t.common.notFound : problem.message;
  return (
    <div class="problem" role="alert" data-problem-code={problem.code}>
      <strong>{t.common.failed}</strong>
      <p>{hasFields ? t.common.fixFields : message}</p>
      {hasFields && problem.message ? <p class="problem__detail">{problem.message}</p> : null}
      {onRetry ? (
        <button type="button" class="button button--ghost" onClick={onRetry}>
          {t.common.retry}
        </button>
      ) : null}
    </div>
  );
}
