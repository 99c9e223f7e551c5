/** The red/yellow/green summary of a view; a chip filters the list to its light. */
import { COUNTED, type CountedLight, type LightCounts } from './queue-fetch.js';
import { useQueueTexts } from './queue-texts.js';

export interface LightChipsProps {
  counts: LightCounts | null;
  active: CountedLight | null;
  onPick(light: CountedLight | null): void;
}

export function LightChips({ counts, active, onPick }: LightChipsProps) {
  const t = useQueueTexts();
  // The paused chip only when something is paused, or it is the filter in force.
  const shown = COUNTED.filter((l) => l !== 'paused' || active === 'paused' || (counts?.paused.count ?? 0) > 0);
  return (
    <div class="queue-chips" role="group" aria-label={t.lights.label}>
      {shown.map((light) => {
        const count = counts?.[light];
        return (
          <button
            key={light}
            type="button"
            class={`queue-chip queue-chip--${light}`}
            aria-pressed={active === light}
            data-light-filter={light}
            data-count={count?.count ?? ''}
            onClick={() => onPick(active === light ? null : light)}
          >
            <span class="queue-chip__dot" aria-hidden="true" />
            <span class="queue-chip__label">{t.lights[light]}</span>
            <strong class="queue-chip__count">{count ? `${count.count}${count.capped ? t.lights.capped : ''}` : '…'}</strong>
          </button>
        );
      })}
      {active ? (
        <button type="button" class="button button--ghost button--small" onClick={() => onPick(null)}>
          {t.lights.clear}
        </button>
      ) : null}
    </div>
  );
}
