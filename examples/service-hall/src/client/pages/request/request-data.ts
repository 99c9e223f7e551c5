/**
 * The request detail's records as they arrive over JSON, and safe readers for the free-form
 * `data` of timeline entries (their shape depends on the entry type and may grow).
 */
import type { Attachment, ServiceRequest, TimelineEntry } from '@kechuang/community';
import type { Wire } from '../../api.js';

export type Req = Wire<ServiceRequest>;
export type Entry = Wire<TimelineEntry>;

/** What `GET /api/requests/{id}` answers. */
export interface RequestDetail {
  request: Req;
  timeline: Entry[];
}

type Data = Entry['data'];

/** A text value of an entry's data, or null when absent or not text. */
export function textOf(data: Data, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A number of an entry's data, or null. */
export function numberOf(data: Data, key: string): number | null {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A list of texts of an entry's data (non-texts dropped). */
export function textsOf(data: Data, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A time limit (`{ workingDays }` or `{ workingHours }`) kept in an entry's data. */
export interface Limit {
  workingDays?: number;
  workingHours?: number;
}

export function limitOf(data: Data, key: string): Limit | null {
  const value = data[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const days = value['workingDays'];
  const hours = value['workingHours'];
  if (typeof days === 'number') return { workingDays: days };
  if (typeof hours === 'number') return { workingHours: hours };
  return null;
}

/** The attachments an entry carries (notes, replies, contributions). */
export function attachmentsOf(data: Data): Attachment[] {
  const value = data['attachments'];
  if (!Array.isArray(value)) return [];
  const found: Attachment[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const { name, mediaType, size, sha256, uri } = item;
    if (typeof name === 'string' && typeof sha256 === 'string') {
      found.push({ name, sha256, mediaType: typeof mediaType === 'string' ? mediaType : '', size: typeof size === 'number' ? size : 0, uri: typeof uri === 'string' ? uri : '' });
    }
  }
  return found;
}

/** Where an attachment of the request (or of its timeline) downloads from. */
export function attachmentHref(requestId: string, sha256: string): string {
  return `/api/requests/${encodeURIComponent(requestId)}/attachments/${encodeURIComponent(sha256)}`;
}

/** `1.2 MB`, `340 KB`, `12 B`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${bytes} B`;
}
