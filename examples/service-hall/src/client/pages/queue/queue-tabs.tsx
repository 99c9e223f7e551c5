/**
 * The member's views as tabs, each with its number (red when some of it is overdue). On a
 * phone the strip scrolls sideways, so the chosen tab is kept in sight.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Tally } from './queue-fetch.js';
import { useQueueTexts } from './queue-texts.js';
import type { QueueView, ViewName } from './queue-views.js';

export interface QueueTabsProps {
  views: readonly QueueView[];
  active: ViewName | undefined;
  tallies: Partial<Record<ViewName, Tally>>;
  onPick(view: ViewName): void;
}

function TabCount({ tally }: { tally: Tally | undefined }) {
  const t = useQueueTexts();
  if (!tally) return null;
  const text = `${tally.count}${tally.capped ? t.lights.capped : ''}`;
  return (
    <span class={tally.overdue > 0 ? 'queue-tab__count queue-tab__count--red' : 'queue-tab__count'} title={t.tabTally(text, tally.overdue)} data-count={tally.count}>
      {text}
    </span>
  );
}

export function QueueTabs({ views, active, tallies, onPick }: QueueTabsProps) {
  const t = useQueueTexts();
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = strip.current;
    const tab = box?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!box || !tab) return;
    if (tab.offsetLeft < box.scrollLeft || tab.offsetLeft + tab.offsetWidth > box.scrollLeft + box.clientWidth) {
      box.scrollLeft = tab.offsetLeft - (box.clientWidth - tab.offsetWidth) / 2;
    }
    // The numbers arrive later and widen the tabs, so measure again then.
  }, [active, tallies]);

  return (
    <div class="tabs queue-tabs" role="tablist" aria-label={t.viewsLabel} ref={strip}>
      {views.map((v) => (
        <button key={v.name} type="button" role="tab" class="tab" id={`queue-tab-${v.name}`} aria-selected={v.name === active} aria-controls="queue-panel" data-view={v.name} onClick={() => onPick(v.name)}>
          {t.views[v.name]}
          <TabCount tally={tallies[v.name]} />
        </button>
      ))}
    </div>
  );
}
