/**
 * The "try a request" form of the rules screen. It writes nothing, so it needs no idempotency
 * key; what the server finds wrong shows beside the field it concerns.
 */
import { useState } from 'preact/hooks';
import { asProblem, type ApiProblem } from '../../api.js';
import { AttributeFields } from '../../category/attribute-fields.js';
import { CategorySelect } from '../../category/category-select.js';
import { Field, fieldAria } from '../../components/field.js';
import { ProblemNote } from '../../components/problem-note.js';
import { useLocale } from '../../i18n.js';
import { useShared } from '../../shared-texts.js';
import { emptyDraft, explainDraft, type Draft } from './explain-request.js';
import { aside } from '../../routing/condition-words.js';
import type { Explanation } from '../../routing/explain.js';
import { useRulesTexts } from './rules-texts.js';
import type { RulesDirectory } from './use-directory.js';

const CHANNELS = ['phone', 'visit', 'captain_report', 'walk_in', 'online', 'hotline_12345'] as const;
const PRIORITIES = ['normal', 'urgent'] as const;

export function ExplainForm({ directory, onExplained }: { directory: RulesDirectory; onExplained(explanation: Explanation | null): void }) {
  const t = useRulesTexts();
  const shared = useShared();
  const locale = useLocale();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const { config } = directory;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const attributes = config.categories.find((c) => c.id === draft.category)?.attributes ?? [];
  const descriptionError = problem?.field('description');

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setProblem(null);
    try {
      onExplained(await explainDraft(draft, directory, t.form));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="card form rules-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rules-form-heading">
      <h2 id="rules-form-heading">{t.form.heading}</h2>
      <ProblemNote problem={problem} />
      <Field id="rules-text" label={t.form.text} path="title" problem={problem} hint={t.form.textHint} required>
        <textarea id="rules-text" class="input rules-text" rows={5} placeholder={t.form.textPlaceholder} value={draft.text} onInput={(e) => set('text', e.currentTarget.value)} {...fieldAria('rules-text', 'title', problem)} />
      </Field>
      {descriptionError ? (
        <p class="field__error" role="alert" data-error-for="description">
          {descriptionError}
        </p>
      ) : null}
      <div class="rules-form__grid">
        <Field id="rules-category" label={t.form.category} path="category" problem={problem} required>
          <CategorySelect id="rules-category" path="category" problem={problem} categories={config.categories} value={draft.category} onChange={(category) => setDraft((d) => ({ ...d, category, attributes: {} }))} placeholder={t.form.choose} />
        </Field>
        <Field id="rules-channel" label={t.form.channel} path="channel" problem={problem} required>
          <select id="rules-channel" class="input" value={draft.channel} onChange={(e) => set('channel', e.currentTarget.value)} {...fieldAria('rules-channel', 'channel', problem)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {shared.channel[c] ?? c}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rules-park" label={t.form.park} path="parkId" problem={problem}>
          <select id="rules-park" class="input" value={draft.parkId} onChange={(e) => set('parkId', e.currentTarget.value)} {...fieldAria('rules-park', 'parkId', problem)}>
            <option value="">{t.form.noPark}</option>
            {directory.parks.map((p) => (
              <option key={p.id} value={p.id}>
                {aside(p.name, p.code, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rules-priority" label={t.form.priority} path="priority" problem={problem}>
          <select id="rules-priority" class="input" value={draft.priority} onChange={(e) => set('priority', e.currentTarget.value)} {...fieldAria('rules-priority', 'priority', problem)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {shared.priority[p] ?? p}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="rules-enterprise" label={t.form.enterprise} path="enterpriseId" problem={problem} hint={draft.enterpriseCode.trim() && !draft.parkId ? t.form.parkFromEnterprise : t.form.enterpriseHint}>
        <input id="rules-enterprise" class="input rules-code" type="text" autoComplete="off" spellcheck={false} maxLength={64} value={draft.enterpriseCode} onInput={(e) => set('enterpriseCode', e.currentTarget.value)} {...fieldAria('rules-enterprise', 'enterpriseId', problem)} />
      </Field>
      {attributes.length > 0 ? (
        // Rules may test a category's own attributes (`attributes.amount: { gte: 10000 }`).
        <fieldset class="rules-attributes">
          <legend>{t.form.attributes}</legend>
          <AttributeFields key={draft.category} attributes={attributes} idPrefix="rules-" pathPrefix="" draft={draft.attributes} onDraft={(values) => set('attributes', values)} problem={problem} />
        </fieldset>
      ) : null}
      <div class="form-actions">
        <button type="submit" class="button" data-testid="rules-explain" disabled={sending}>
          {sending ? t.form.explaining : t.form.explain}
        </button>
        <button
          type="button"
          class="button button--ghost"
          disabled={sending}
          onClick={() => {
            setDraft(emptyDraft);
            setProblem(null);
            onExplained(null);
          }}
        >
          {t.form.reset}
        </button>
      </div>
    </form>
  );
}
