/**
 * Calls to the `@kechuang/server` API on the same origin. Failures arrive as {@link ApiProblem}:
 * the server's RFC 9457 problem, with each invalid field's message keyed by its path, so that
 * a form shows it beside the field. Nothing raw (a stack, a JSON body) ever reaches the page.
 */

/** A record as it crosses JSON: every `Date` of the SDK's types arrives as an ISO string. */
export type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/** A page of a list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  status?: number;
  issues?: { path: (string | number)[] | string; message: string; code?: string }[];
  details?: Record<string, unknown>;
}

/** What went wrong with a call, as the server said it. */
export class ApiProblem extends Error {
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's stable code (`VALIDATION_FAILED`, `CONFLICT`, …) or `NETWORK`. */
  readonly code: string;
  /** Messages of invalid fields by path without `body.`/`query.`: `title`, `attributes.amount`, `requests.0.title`. */
  readonly fields: Record<string, string>;
  /** The facts the server gave with it (a plugin's refusal names the requests it repeats). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }

  /** The message for one field, or for any field under it (`attributes` finds `attributes.amount`). */
  field(path: string): string | undefined {
    if (this.fields[path] !== undefined) return this.fields[path];
    const nested = Object.keys(this.fields).find((key) => key.startsWith(`${path}.`));
    return nested === undefined ? undefined : this.fields[nested];
  }
}

/** Whatever a call threw, as a problem a screen can show (never a raw error). */
export function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

function fieldsOf(body: ProblemBody): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of body.issues ?? []) {
    const parts = Array.isArray(issue.path) ? issue.path.map(String) : String(issue.path).split('.');
    if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
    const key = parts.join('.');
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Fired on `window` when the API answers 401: the sign-in has expired or was cleared. */
export const SIGNED_OUT_EVENT = 'kechuang:signed-out';

async function problemOf(response: Response): Promise<ApiProblem> {
  if (response.status === 401) dispatchEvent(new Event(SIGNED_OUT_EVENT));
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => null)) as ProblemBody | null;
    if (body && (body.detail || body.title)) return new ApiProblem(response.status, body.code ?? 'UNKNOWN', body.detail ?? body.title ?? '', fieldsOf(body), body.details ?? {});
  }
  return new ApiProblem(response.status, 'UNKNOWN', `HTTP ${response.status} ${response.statusText}`.trim());
}

/** Options of {@link api}. */
export interface CallOptions {
  /** Sent as `Idempotency-Key`, so that a retried submit cannot file the same request twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/**
 * Calls the API and returns the parsed JSON body.
 *
 * @example
 * ```ts
 * const request = await api<Wire<ServiceRequest>>('POST', '/api/requests', input, { idempotencyKey: crypto.randomUUID() });
 * ```
 */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'NETWORK', 'The server could not be reached.');
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds a query string from the defined values: `query({ limit: 20, status: ['a', 'b'] })`. */
export function query(values: Record<string, string | number | boolean | readonly string[] | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** An uploaded attachment, as `POST /api/attachments` answers: put it in a request's `attachments`. */
export interface UploadedAttachment {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uri: string;
}

/** Uploads one file; the answer goes into `attachments` of a submit or a note. */
export async function uploadAttachment(file: File): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/attachments', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'idempotency-key': crypto.randomUUID() } });
  } catch {
    throw new ApiProblem(0, 'NETWORK', 'The server could not be reached.');
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as UploadedAttachment;
}
