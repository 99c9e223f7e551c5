/**
 * Files attached to a request: each uploads as soon as it is picked, so that submitting
 * sends only the small records the server returned.
 */
import { useCallback, useState } from 'preact/hooks';
import { ApiProblem, uploadAttachment, type UploadedAttachment } from '../../api.js';

export interface AttachmentItem {
  key: string;
  file: File;
  status: 'uploading' | 'done' | 'failed';
  uploaded: UploadedAttachment | null;
  problem: ApiProblem | null;
}

export interface Attachments {
  items: AttachmentItem[];
  add(files: Iterable<File>): void;
  remove(key: string): void;
  retry(key: string): void;
  reset(): void;
  /** What a submission's `attachments` carries. */
  uploaded: UploadedAttachment[];
  /** Whether any upload is still running. */
  busy: boolean;
}

export function useAttachments(): Attachments {
  const [items, setItems] = useState<AttachmentItem[]>([]);

  const upload = useCallback((key: string, file: File) => {
    uploadAttachment(file).then(
      (uploaded) => setItems((list) => list.map((i) => (i.key === key ? { ...i, status: 'done', uploaded, problem: null } : i))),
      (error: unknown) => {
        const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'NETWORK', String(error));
        setItems((list) => list.map((i) => (i.key === key ? { ...i, status: 'failed', problem } : i)));
      },
    );
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      const added = [...files].map((file): AttachmentItem => ({ key: crypto.randomUUID(), file, status: 'uploading', uploaded: null, problem: null }));
      setItems((list) => [...list, ...added]);
      for (const item of added) upload(item.key, item.file);
    },
    [upload],
  );

  const retry = useCallback(
    (key: string) => {
      const item = items.find((i) => i.key === key);
      if (!item) return;
      setItems((list) => list.map((i) => (i.key === key ? { ...i, status: 'uploading', problem: null } : i)));
      upload(key, item.file);
    },
    [items, upload],
  );

  // An upload that finishes after its row was removed updates nothing: the row is gone.
  const remove = useCallback((key: string) => setItems((list) => list.filter((i) => i.key !== key)), []);
  const reset = useCallback(() => setItems([]), []);

  return {
    items,
    add,
    remove,
    retry,
    reset,
    uploaded: items.flatMap((i) => (i.uploaded ? [i.uploaded] : [])),
    busy: items.some((i) => i.status === 'uploading'),
  };
}

/** `12 KB`, `3.4 MB`. */
export function formatSize(bytes: number, locale: string): string {
  const number = (n: number, digits: number) => n.toLocaleString(locale, { maximumFractionDigits: digits });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
