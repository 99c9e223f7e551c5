/**
 * A visit (走访) to one enterprise and every request heard during it, recorded together with
 * `POST /api/visits`: either the visit and all its requests are stored, or none of them.
 */
import type { RecordedVisit } from '@kechuang/community';
import { useState } from 'preact/hooks';
import { api, type Wire } from '../../api.js';
import { attributeValues } from '../../category/attribute-values.js';
import { Field, fieldAria } from '../../components/field.js';
import { ProblemNote } from '../../components/problem-note.js';
import { repeatRefusalOf } from '../../duplicates/duplicates-data.js';
import { RepeatRefusalNote } from '../../duplicates/repeat-refusal-note.js';
import type { Places } from '../../directory/places.js';
import { useSession } from '../../session.js';
import type { IntakeOutcome } from './intake-result.js';
import { fill, useIntakeTexts } from './intake-texts.js';
import { officeInstant, officeLocal } from './office-time.js';
import { PlaceFields } from './place-fields.js';
import { usePlace } from './use-place.js';
import { formProblem, noteProblem, useSubmission } from './use-submission.js';
import { newRow, VisitRow, type VisitRowDraft } from './visit-row.js';

export interface VisitFormProps {
  places: Places;
  allowedParks: string[] | null;
  onDone(outcome: IntakeOutcome): void;
}

/** The paths this form shows beside a field. */
const SHOWN = /^(enterpriseId|visitedAt|summary|requests\.\d+\.(category|attributes\.[^.]+|title|description))$/;

export function VisitForm({ places, allowedParks, onDone }: VisitFormProps) {
  const t = useIntakeTexts();
  const session = useSession();
  const zone = session.office.timeZone;
  // The park only narrows the search (a captain searches their own parks); the visit takes the enterprise's park.
  const place = usePlace(places, allowedParks);
  const { enterprise } = place;
  const [visitedAt, setVisitedAt] = useState('');
  const [summary, setSummary] = useState('');
  const [rows, setRows] = useState<VisitRowDraft[]>(() => [newRow()]);
  const submission = useSubmission<Wire<RecordedVisit>>();
  const { problem, sending } = submission;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const issues: Record<string, string> = {};
    const requests = rows.map((row) => {
      const category = session.config.categories.find((c) => c.id === row.category);
      return { category: row.category, attributes: attributeValues(category, row.draft), title: row.title, description: row.description };
    });
    if (place.typedOnly) issues['enterpriseId'] = t.picker.pickVisited;
    const at = visitedAt ? officeInstant(visitedAt, zone) : null;
    const body = { enterpriseId: enterprise?.id ?? '', summary, requests, ...(at ? { visitedAt: at } : {}) };
    const recorded = await submission.send(async (idempotencyKey) => {
      // A name typed but not picked would record the visit nowhere: only the form can tell.
      if (Object.keys(issues).length > 0) throw formProblem(issues);
      return api<Wire<RecordedVisit>>('POST', '/api/visits', body, { idempotencyKey });
    });
    if (recorded) onDone({ channel: 'visit', requests: recorded.requests, enterprise, visit: recorded.visit, priority: 'normal' });
  };

  const change = (index: number, row: VisitRowDraft): void => setRows((list) => list.map((r, i) => (i === index ? row : r)));
  const remove = (index: number): void => {
    setRows((list) => list.filter((_, i) => i !== index));
    // The server named rows by position; after a removal those positions point elsewhere.
    submission.clear();
  };

  return (
    <form class="form intake-form" noValidate onSubmit={(e) => void submit(e)} data-channel-form="visit">
      {/* A refused repeat is told beside the button that sent it, not here. */}
      <ProblemNote problem={repeatRefusalOf(problem) ? null : noteProblem(problem, (path) => SHOWN.test(path))} />
      <PlaceFields
        {...place.fields}
        // A captain with several parks chooses which one's enterprises to search.
        showPark={allowedParks !== null && place.parks.length > 1}
        parkIsFilter
        enterpriseLabel={t.visit.enterprise}
        enterpriseRequired
        problem={problem}
      />
      <div class="grid-2">
        <Field id="intake-visited-at" label={t.visit.visitedAt} path="visitedAt" problem={problem} hint={fill(t.visit.visitedAtHint, { zone })}>
          <input id="intake-visited-at" class="input" type="datetime-local" value={visitedAt} max={officeLocal(new Date(), zone)} onInput={(e) => setVisitedAt(e.currentTarget.value)} {...fieldAria('intake-visited-at', 'visitedAt', problem)} />
        </Field>
      </div>
      <Field id="intake-summary" label={t.visit.summary} path="summary" problem={problem}>
        <textarea id="intake-summary" class="input" rows={3} value={summary} placeholder={t.visit.summaryPlaceholder} onInput={(e) => setSummary(e.currentTarget.value)} {...fieldAria('intake-summary', 'summary', problem)} />
      </Field>
      <section class="intake-rows" aria-labelledby="intake-rows-title">
        <h3 id="intake-rows-title">{t.visit.requests}</h3>
        {rows.length === 0 ? <p class="muted intake-rows__empty">{t.visit.noRows}</p> : null}
        {rows.map((row, i) => (
          <VisitRow key={row.key} index={i} row={row} onChange={(next) => change(i, next)} onRemove={() => remove(i)} problem={problem} />
        ))}
        <div>
          <button type="button" class="button button--ghost" data-testid="intake-add-row" onClick={() => setRows((list) => [...list, newRow()])}>
            <span aria-hidden="true">＋</span>
            {t.visit.addRow}
          </button>
        </div>
      </section>
      <RepeatRefusalNote problem={problem} />
      <div class="form-actions">
        <button type="submit" class="button" data-testid="intake-submit" disabled={sending}>
          {sending ? t.submit.sending : t.submit.visit}
        </button>
      </div>
    </form>
  );
}
