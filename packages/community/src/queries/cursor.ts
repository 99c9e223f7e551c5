import { KechuangError } from '../errors/kechuang-error.js';
import type { FieldValue, KeysetCursor } from '../storage/types.js';

/** One page of a list, and the cursor for the next one (null on the last page). */
export interface Page<T> {
  /** The page's items, in the list's order. */
  items: T[];
  /** Pass it as `cursor` to read the next page; null on the last page. */
  nextCursor: string | null;
}

type Encoded = string | number | boolean | null | { d: string };

const toBase64Url = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (token: string): string =>
  new TextDecoder().decode(Uint8Array.from(atob(token.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

/**
 * Encodes a keyset position as an opaque token. `scope` names the query and its order, so a
 * cursor from one list is refused by another instead of silently skipping rows.
 */
export function encodeCursor(scope: string, values: KeysetCursor): string {
  const encoded: Encoded[] = values.map((v) => (v instanceof Date ? { d: v.toISOString() } : (v as Encoded)));
  return toBase64Url(JSON.stringify({ s: scope, v: encoded }));
}

/** Decodes a token made by {@link encodeCursor} for the same `scope`; INVALID_CURSOR otherwise. */
export function decodeCursor(scope: string, token: string): FieldValue[] {
  const invalid = (why: string) =>
    new KechuangError('INVALID_CURSOR', `The cursor is not valid for this list (${why}). Start again from the first page.`, { scope });
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(token));
  } catch {
    throw invalid('it could not be decoded');
  }
  const body = parsed as { s?: unknown; v?: unknown };
  if (typeof body !== 'object' || body === null || body.s !== scope || !Array.isArray(body.v)) throw invalid('it belongs to another query or order');
  return (body.v as Encoded[]).map((v) => (typeof v === 'object' && v !== null ? new Date(v.d) : v));
}

/** Limits a page size to 1…max (default `fallback`). */
export function pageSize(limit: number | undefined, fallback = 50, max = 500): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid limit: use a whole number from 1 to ${max}.`, {
      issues: [{ path: ['limit'], message: `must be 1…${max}`, code: 'too_big' }],
    });
  }
  return limit;
}
