/**
 * How long a `Retry-After` header asks to wait, in milliseconds: either delay-seconds or an
 * HTTP date (RFC 9110 §10.2.3). Undefined when the header is absent or unreadable, so the
 * dispatcher falls back to its own backoff.
 */
export function retryAfterMs(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
