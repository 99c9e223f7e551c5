/**
 * One request taken in: a phone call or a visitor at the hall, or a captain's report from a
 * park (laid out for a phone). Submits `POST /api/requests`.
 */
import type { ServiceRequest } from '@kechuang/community';
import { useState } from 'preact/hooks';
import { api, type Wire } from '../../api.js';
import { attributeValues, type AttributeDraft } from '../../category/attribute-values.js';
import { Field, fieldAria } from '../../components/field.js';
import { ProblemNote } from '../../components/problem-note.js';
import { repeatRefusalOf } from '../../duplicates/duplicates-data.js';
import { RepeatRefusalNote } from '../../duplicates/repeat-refusal-note.js';
import type { Places } from '../../directory/places.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { AttachmentsField } from './attachments-field.js';
import { CategoryFields } from './category-fields.js';
import type { IntakeChannel } from './intake-channels.js';
import type { IntakeOutcome } from './intake-result.js';
import { useIntakeTexts } from './intake-texts.js';
import { PlaceFields } from './place-fields.js';
import { usePlace } from './use-place.js';
import { useAttachments } from './use-attachments.js';
import { formProblem, noteProblem, useSubmission } from './use-submission.js';

export interface RequestFormProps {
  channel: Exclude<IntakeChannel, 'visit'>;
  places: Places;
  /** The parks the member may submit in; null for any. */
  allowedParks: string[] | null;
  onDone(outcome: IntakeOutcome): void;
}

/** The paths this form shows beside a field. */
const SHOWN = /^(enterpriseId|parkId|category|attributes\.[^.]+|title|description|priority|contact\.(name|phone)|attachments(\.\d+.*)?)$/;

export function RequestForm({ channel, places, allowedParks, onDone }: RequestFormProps) {
  const t = useIntakeTexts();
  const shared = useShared();
  const session = useSession();
  const captain = channel === 'captain_report';
  const place = usePlace(places, allowedParks);
  const { enterprise, parkId } = place;
  const [category, setCategory] = useState('');
  const [draft, setDraft] = useState<AttributeDraft>({});
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('normal');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const attachments = useAttachments();
  const submission = useSubmission<Wire<ServiceRequest>>();
  const { problem, sending } = submission;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending || attachments.busy) return;
    const chosen = session.config.categories.find((c) => c.id === category);
    const values = attributeValues(chosen, draft);
    const issues: Record<string, string> = {};
    // A name typed but not picked would file the request without its enterprise.
    if (place.typedOnly) issues['enterpriseId'] = t.picker.pickOne;
    if (!enterprise && !parkId) issues['parkId'] = t.field.parkNeeded;
    const park = places.parks.find((p) => p.id === parkId);
    const soleCommunity = places.communities.length === 1 ? places.communities[0]?.id : undefined;
    const hasContact = contactName.trim() !== '' || contactPhone.trim() !== '';
    const body = {
      communityId: enterprise?.communityId ?? park?.communityId ?? soleCommunity ?? '',
      enterpriseId: enterprise?.id ?? null,
      parkId: parkId || null,
      channel,
      category,
      attributes: values,
      title,
      description,
      priority,
      contact: !captain && hasContact ? { name: contactName, phone: contactPhone.trim() || null } : null,
      attachments: attachments.uploaded,
    };
    const created = await submission.send(async (idempotencyKey) => {
      if (Object.keys(issues).length > 0) {
        // What only the form knows (a name typed but not picked, no place at all) is found
        // here; the server is asked about the rest without filing anything, so every problem
        // shows at once.
        const server = await api('POST', '/api/routing/explain', body).then(() => null, (error: unknown) => error);
        throw formProblem(issues, server);
      }
      return api<Wire<ServiceRequest>>('POST', '/api/requests', body, { idempotencyKey });
    });
    if (created) onDone({ channel, requests: [created], enterprise, visit: null, priority });
  };

  const aria = (id: string, path: string) => fieldAria(id, path, problem);
  const busyNote = attachments.busy ? <p class="muted intake-busy">{t.attachment.waitUploads}</p> : null;

  return (
    <form class={captain ? 'form intake-form intake-form--captain' : 'form intake-form'} noValidate onSubmit={(e) => void submit(e)} data-channel-form={channel}>
      {/* A refused repeat is told beside the button that sent it, not here. */}
      <ProblemNote problem={repeatRefusalOf(problem) ? null : noteProblem(problem, (path) => SHOWN.test(path) && (captain ? !/^(priority|contact)/.test(path) : true))} />
      <PlaceFields
        {...place.fields}
        showPark
        enterpriseLabel={t.field.enterprise}
        enterpriseRequired={false}
        problem={problem}
      />
      <div class={captain ? 'stack' : 'grid-2'}>
        <CategoryFields idPrefix="intake-" pathPrefix="" category={category} onCategory={setCategory} draft={draft} onDraft={setDraft} problem={problem} />
        {captain ? null : (
          <Field id="intake-priority" label={t.field.priority} path="priority" problem={problem}>
            <select id="intake-priority" class="input" value={priority} onChange={(e) => setPriority(e.currentTarget.value)} {...aria('intake-priority', 'priority')}>
              <option value="normal">{shared.priority['normal']}</option>
              <option value="urgent">{shared.priority['urgent']}</option>
            </select>
          </Field>
        )}
      </div>
      <Field id="intake-title" label={t.field.title} path="title" problem={problem} required>
        <input id="intake-title" class="input" type="text" value={title} placeholder={t.field.titlePlaceholder} onInput={(e) => setTitle(e.currentTarget.value)} {...aria('intake-title', 'title')} />
      </Field>
      <Field id="intake-description" label={t.field.description} path="description" problem={problem}>
        <textarea id="intake-description" class="input" rows={captain ? 4 : 5} value={description} placeholder={t.field.descriptionPlaceholder} onInput={(e) => setDescription(e.currentTarget.value)} {...aria('intake-description', 'description')} />
      </Field>
      {captain ? null : (
        <div class="grid-2">
          <Field id="intake-contact-name" label={t.field.contactName} path="contact.name" problem={problem}>
            <input id="intake-contact-name" class="input" type="text" autocomplete="name" value={contactName} onInput={(e) => setContactName(e.currentTarget.value)} {...aria('intake-contact-name', 'contact.name')} />
          </Field>
          <Field id="intake-contact-phone" label={t.field.contactPhone} path="contact.phone" problem={problem} hint={t.field.contactHint}>
            <input id="intake-contact-phone" class="input" type="tel" autocomplete="tel" inputMode="tel" value={contactPhone} onInput={(e) => setContactPhone(e.currentTarget.value)} {...aria('intake-contact-phone', 'contact.phone')} />
          </Field>
        </div>
      )}
      <AttachmentsField id="intake-attachments" attachments={attachments} problem={problem} photos={captain} />
      {busyNote}
      <RepeatRefusalNote problem={problem} />
      <div class="form-actions">
        <button type="submit" class="button" data-testid="intake-submit" disabled={sending || attachments.busy}>
          {sending ? t.submit.sending : captain ? t.submit.captain : t.submit.request}
        </button>
      </div>
    </form>
  );
}
