/**
 * A one-click command from the list (签收, 签收协办): it sends the version the row shows, so a
 * request someone else changed meanwhile is refused rather than overwritten, and the list
 * reloads to show what changed.
 */
import { useState } from 'preact/hooks';
import { api, ApiProblem } from '../../api.js';
import { useShared } from '../../shared-texts.js';
import type { Row } from './queue-views.js';

export interface QuickActionProps {
  row: Row;
  /** The command's URL segment and the `data-action` hook: `accept`, `sign-assist`. */
  action: 'accept' | 'sign-assist';
  label: string;
  busyLabel: string;
  onDone(updated: Row): void;
  /** The row is stale (someone changed it): reload the list and say so. */
  onStale(): void;
}

export function QuickAction({ row, action, label, busyLabel, onDone, onStale }: QuickActionProps) {
  const shared = useShared();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const updated = await api<Row>('POST', `/api/requests/${encodeURIComponent(row.id)}/${action}`, { version: row.version });
      onDone(updated);
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      // A stale row is the page's news (it reloads, and the row may leave the list).
      if (problem?.status === 409 || problem?.code === 'CONFLICT') onStale();
      else if (problem?.code === 'NETWORK') {
        setMessage(shared.common.networkDown);
      } else {
        setMessage(problem?.message || shared.common.failed);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="button button--small" data-action={action} disabled={busy} aria-busy={busy} onClick={() => void run()}>
        {busy ? busyLabel : label}
      </button>
      {message ? (
        <p class="queue-row__error" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}
