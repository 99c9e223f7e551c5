import { notifyError, type KechuangError } from '@kechuang/community';
import { parseJsonObject } from './parse-json-object.js';
import type { HttpReply } from './post-json.js';
import { isRetryableStatus, statusError } from './status-error.js';

/** What a chat platform said about one send: its result code (0 = accepted) and message. */
export interface BotAnswer {
  code: number;
  message: string;
}

/**
 * The answer in a DingTalk or WeCom robot reply, which both spell `{"errcode":…,"errmsg":…}`;
 * null when the body carries no numeric `errcode`.
 */
export function errcodeAnswer(text: string): BotAnswer | null {
  const body = parseJsonObject(text);
  const errcode = body?.['errcode'];
  return typeof errcode === 'number' ? { code: errcode, message: String(body?.['errmsg'] ?? '') } : null;
}

/** How a platform's non-zero result code is handled. */
export interface BotCodeRule {
  /** Whether a later attempt can succeed (throttling, a busy server) or never will. */
  retryable: boolean;
  /** How long the platform asks to wait, when it says (e.g. a ten-minute throttle). */
  retryAfterMs?: number;
  /** What the code means, for the error message and the dead letter. */
  meaning: string;
}

/**
 * Turns a chat bot's reply into delivered (returns) or a classified failure (throws).
 *
 * Chat bots answer HTTP 200 with an error code in the body, so only an explicit result code
 * of 0 counts as delivered: a 200 without a readable code (an HTML error page from a proxy, an
 * empty body) is a retryable failure, never a delivery. A non-zero code is looked up in
 * `rules`; a code not listed there is treated as retryable, because a transient fault wrongly
 * taken as permanent loses the message at once, while a permanent fault wrongly retried only
 * costs the remaining attempts before it becomes a visible dead letter.
 *
 * A 4xx that carries a result code (Feishu answers 400 with `{"code":19021,…}`) is classified
 * by that code; 408, 429 and 5xx stay retryable whatever the body says.
 */
export function checkBotReply(label: string, reply: HttpReply, answer: BotAnswer | null, rules: Readonly<Record<number, BotCodeRule>>, now: Date): void {
  if (reply.status >= 200 && reply.status < 300) {
    if (answer === null) {
      throw notifyError.retryable(`${label}: HTTP ${reply.status} without a result code in the body; not counted as delivered`, { status: reply.status });
    }
    if (answer.code === 0) return;
    throw codeError(label, reply.status, answer, rules);
  }
  if (isRetryableStatus(reply.status) || answer === null || answer.code === 0) throw statusError(label, reply, now);
  throw codeError(label, reply.status, answer, rules);
}

function codeError(label: string, status: number, answer: BotAnswer, rules: Readonly<Record<number, BotCodeRule>>): KechuangError {
  const details = { status, platformCode: answer.code, platformMessage: answer.message };
  const rule = rules[answer.code];
  const said = `${label}: result code ${answer.code}${answer.message === '' ? '' : ` (${answer.message})`}`;
  if (rule === undefined) {
    return notifyError.retryable(`${said}, a code this notifier does not know; retried in case it passes`, details);
  }
  if (!rule.retryable) return notifyError.permanent(`${said}: ${rule.meaning}`, details);
  return notifyError.retryable(`${said}: ${rule.meaning}`, rule.retryAfterMs === undefined ? details : { ...details, retryAfterMs: rule.retryAfterMs });
}
