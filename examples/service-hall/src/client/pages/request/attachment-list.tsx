/** Attachments of a request or of a timeline entry, each a download link with its size. */
import type { Attachment } from '@kechuang/community';
import type { Wire } from '../../api.js';
import { PaperclipIcon } from './paperclip-icon.js';
import { attachmentHref, formatSize } from './request-data.js';

export function AttachmentList({ requestId, attachments, label }: { requestId: string; attachments: readonly Wire<Attachment>[]; label: string }) {
  return (
    <ul class="rd-attachments" aria-label={label}>
      {attachments.map((a) => (
        <li key={a.sha256}>
          <a href={attachmentHref(requestId, a.sha256)} download={a.name} data-attachment={a.sha256}>
            <PaperclipIcon />
            {a.name}
          </a>
          <span class="muted"> · {formatSize(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}
