/**
 * Attachments for a note, a reply or a contribution: each chosen file is uploaded at once
 * (`POST /api/attachments`) and its metadata goes into the command's `attachments`. A refused
 * upload (too large, a disguised file) is shown under the field with the server's words.
 */
import { useState } from 'preact/hooks';
import { ApiProblem, uploadAttachment, type UploadedAttachment } from '../../api.js';
import { useShared } from '../../shared-texts.js';
import { useActionTexts } from './action-texts.js';
import { PaperclipIcon } from './paperclip-icon.js';
import { formatSize } from './request-data.js';

export interface AttachmentFieldProps {
  id: string;
  value: UploadedAttachment[];
  onChange(next: UploadedAttachment[]): void;
  /** Told while uploads run, so that the form waits for them. */
  onBusy(busy: boolean): void;
  /** The server's message for `attachments` of the command, if it refused them. */
  commandError?: string | undefined;
}

export function AttachmentField({ id, value, onChange, onBusy, commandError }: AttachmentFieldProps) {
  const t = useActionTexts();
  const shared = useShared();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const message = error ?? commandError ?? null;

  const upload = async (files: FileList | null): Promise<void> => {
    if (!files || files.length === 0) return;
    setUploading(true);
    onBusy(true);
    setError(null);
    const added: UploadedAttachment[] = [];
    try {
      for (const file of Array.from(files)) added.push(await uploadAttachment(file));
    } catch (caught) {
      const problem = caught instanceof ApiProblem ? caught : null;
      setError(problem?.code === 'NETWORK' ? shared.common.networkDown : (problem?.message ?? shared.common.failed));
    } finally {
      onChange([...value, ...added]);
      setUploading(false);
      onBusy(false);
    }
  };

  return (
    <div class={message ? 'field field--invalid' : 'field'} data-field="attachments">
      <span class="rd-field__label" id={`${id}-label`}>
        {t.field.attachments}
        <span class="muted">{t.field.optional}</span>
      </span>
      {/* The native file input speaks the browser's language; a labelled button speaks the page's. */}
      <div class="rd-upload">
        <input
          id={id}
          type="file"
          multiple
          class="visually-hidden rd-upload__input"
          disabled={uploading}
          aria-labelledby={`${id}-label ${id}-button`}
          aria-invalid={message !== null}
          {...(message ? { 'aria-describedby': `${id}-error` } : {})}
          onChange={(e) => {
            const input = e.currentTarget;
            void upload(input.files).then(() => (input.value = ''));
          }}
        />
        <label for={id} id={`${id}-button`} class={uploading ? 'button button--ghost button--small rd-upload__button rd-upload__button--busy' : 'button button--ghost button--small rd-upload__button'}>
          <PaperclipIcon />
          {uploading ? t.upload.uploading : t.upload.choose}
        </label>
      </div>
      {value.length > 0 ? (
        <ul class="rd-attachments rd-attachments--editable">
          {value.map((a) => (
            <li key={a.sha256}>
              <span>
                <PaperclipIcon /> {a.name}
              </span>
              <span class="muted"> · {formatSize(a.size)}</span>
              <button type="button" class="button button--ghost button--small" onClick={() => onChange(value.filter((b) => b.sha256 !== a.sha256))}>
                {t.upload.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message ? (
        <p class="field__error" id={`${id}-error`} role="alert" data-error-for="attachments">
          {message}
        </p>
      ) : null}
    </div>
  );
}
