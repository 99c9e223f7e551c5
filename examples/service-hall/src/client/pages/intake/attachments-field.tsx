/** Picking files for a request: each shows its name, size and upload state, and can be removed. */
import type { ApiProblem } from '../../api.js';
import { Field, fieldAria } from '../../components/field.js';
import { useLocale } from '../../i18n.js';
import { useShared } from '../../shared-texts.js';
import { fill, useIntakeTexts } from './intake-texts.js';
import { formatSize, type Attachments } from './use-attachments.js';

// What the server accepts (see POST /api/attachments); the picker offers these first.
const ACCEPT = 'image/*,application/pdf,text/plain,text/csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

export interface AttachmentsFieldProps {
  id: string;
  attachments: Attachments;
  problem: ApiProblem | null;
  /** A captain on a phone mostly sends photos. */
  photos?: boolean;
}

/** Whether uploading the same file again may work: the server did not refuse the file itself. */
function transient(problem: ApiProblem | null): boolean {
  return problem === null || problem.status === 0 || problem.status >= 500 || problem.status === 429;
}

export function AttachmentsField({ id, attachments, problem, photos }: AttachmentsFieldProps) {
  const t = useIntakeTexts();
  const shared = useShared();
  const locale = useLocale();
  const failure = (p: ApiProblem | null): string => {
    if (!p) return t.attachment.failed;
    if (p.code === 'NETWORK') return fill(t.attachment.failedWith, { message: shared.common.networkDown });
    if (p.status === 415) return t.attachment.unsupported;
    if (p.status === 413) return t.attachment.tooLarge;
    return p.message ? fill(t.attachment.failedWith, { message: p.message }) : t.attachment.failed;
  };
  return (
    <Field id={id} label={photos ? t.attachment.photos : t.attachment.label} path="attachments" problem={problem} hint={t.attachment.hint}>
      <div class="intake-files">
        <input
          id={id}
          class="visually-hidden intake-files__input"
          type="file"
          multiple
          accept={ACCEPT}
          {...fieldAria(id, 'attachments', problem)}
          onChange={(event) => {
            const input = event.currentTarget;
            if (input.files) attachments.add(input.files);
            // Cleared so that picking the same file again (after removing it) fires again.
            input.value = '';
          }}
        />
        <label for={id} class="button button--ghost intake-files__pick">
          <span aria-hidden="true">＋</span>
          {photos ? t.attachment.pickPhotos : t.attachment.pick}
        </label>
        {attachments.items.length > 0 ? (
          <ul class="intake-files__list" data-testid="intake-attachment-list">
            {attachments.items.map((item) => (
              <li key={item.key} class={`intake-file intake-file--${item.status}`} data-attachment-status={item.status}>
                <span class="intake-file__name" title={item.file.name}>
                  {item.file.name}
                </span>
                <span class="intake-file__size muted">{formatSize(item.file.size, locale)}</span>
                {item.status === 'uploading' ? <span class="intake-file__state muted">{t.attachment.uploading}</span> : null}
                {item.status === 'failed' ? (
                  <span class="intake-file__state intake-file__state--failed" role="alert">
                    {failure(item.problem)}
                  </span>
                ) : null}
                <span class="intake-file__actions">
                  {item.status === 'failed' && transient(item.problem) ? (
                    <button type="button" class="button button--ghost button--small" onClick={() => attachments.retry(item.key)}>
                      {t.attachment.retry}
                    </button>
                  ) : null}
                  <button type="button" class="button button--ghost button--small" aria-label={fill(t.attachment.removeNamed, { name: item.file.name })} onClick={() => attachments.remove(item.key)}>
                    {t.attachment.remove}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Field>
  );
}
