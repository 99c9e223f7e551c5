import { notifyError } from '@kechuang/community';

/** One JSON POST to a notification endpoint. */
export interface JsonPost {
  url: string;
  /** The exact bytes to send; signatures are computed over them, so the caller serialises. */
  body: string;
  headers?: Headers | Record<string, string>;
  /** Gives up (retryably) when no complete answer arrived in this many milliseconds. */
  timeoutMs: number;
  /** The dispatcher's signal: aborting it abandons the request (retryably). */
  signal: AbortSignal;
  /** Names the channel in error messages, e.g. `DingTalk`. */
  label: string;
}

/** What came back, whatever the status. */
export interface HttpReply {
  status: number;
  headers: Headers;
  /** The body as text, cut at {@link MAX_REPLY_BYTES}. */
  text: string;
}

/** Chat bots answer with a few hundred bytes; a huge answer is not one, and is not kept. */
export const MAX_REPLY_BYTES = 64 * 1024;

/**
 * POSTs JSON with fetch. Rejects only when no HTTP answer arrived — a refused connection, a
 * reset, a timeout, an abort — and then always with `NOTIFY_RETRYABLE`: the message may well
 * go through later. Classifying the answer is the caller's job.
 *
 * Error messages never include the URL: DingTalk and WeCom carry their credentials in it.
 */
export async function postJson(post: JsonPost): Promise<HttpReply> {
  if (post.signal.aborted) {
    throw notifyError.retryable(`${post.label}: the send was abandoned before it started`, {}, { cause: post.signal.reason });
  }
  const timeout = AbortSignal.timeout(post.timeoutMs);
  const signal = AbortSignal.any([post.signal, timeout]);
  const headers = new Headers(post.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers,
      body: post.body,
      signal,
      // A POST that is redirected turns into a GET elsewhere; report it rather than follow it.
      redirect: 'manual',
    });
    const text = await readText(response);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (post.signal.aborted) {
      throw notifyError.retryable(`${post.label}: the send was abandoned by the dispatcher`, {}, { cause: post.signal.reason });
    }
    if (timeout.aborted) {
      throw notifyError.retryable(`${post.label}: no answer within ${post.timeoutMs} ms`, { timeoutMs: post.timeoutMs }, { cause: error });
    }
    throw notifyError.retryable(`${post.label}: the request failed (${describeNetworkError(error)})`, {}, { cause: error });
  }
}

async function readText(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_REPLY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  const bytes = Buffer.concat(chunks, Math.min(size, MAX_REPLY_BYTES));
  return new TextDecoder().decode(bytes);
}

/** undici reports `fetch failed` and hides the reason (ECONNREFUSED, ECONNRESET, …) in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? code : cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
