import type { QueueTexts } from './queue-texts.js';
import type { QueueView } from './queue-views.js';

/** What the time column holds in this view: deadlines, reply times, or both in a history. */
export function dueHeading(view: QueueView, columns: QueueTexts['columns']): string {
  if (view.name === 'follow_up') return columns.replied;
  if (view.name === 'park' || view.name === 'enterprise') return columns.history;
  return columns.due;
}
