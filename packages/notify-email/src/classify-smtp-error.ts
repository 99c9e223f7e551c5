import { type KechuangError, isKechuangError, notifyError } from '@kechuang/community';

/** The fields nodemailer sets on its errors that the classification reads. */
interface SmtpErrorFields {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
}

/**
 * Nodemailer error codes without an SMTP reply that no retry can fix: the transport or the
 * message is misconfigured. Everything else without a reply (refused connections, timeouts,
 * resets, DNS and TLS trouble, aborts) may pass on a later attempt.
 */
const PERMANENT_CODES = new Set(['ECONFIG', 'ENOAUTH', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS']);

/**
 * Turns a nodemailer failure into a notify error. A 5xx reply is a final no (550 unknown
 * mailbox, 553 address not allowed, 535 bad credentials) and is permanent; 4xx replies (451
 * local error, 452 mailbox full, 421 closing) are retryable, and so is every failure that
 * never got a reply. 503 counts as retryable although it is 5xx: it means "bad sequence of
 * commands", a confused connection rather than a refusal of this message.
 */
export function classifySmtpError(error: unknown): KechuangError {
  if (isKechuangError(error, 'NOTIFY_RETRYABLE') || isKechuangError(error, 'NOTIFY_PERMANENT')) return error;
  const fields: SmtpErrorFields = typeof error === 'object' && error !== null ? (error as SmtpErrorFields) : {};
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  const details = {
    ...(code === undefined ? {} : { smtpCode: code }),
    ...(responseCode === undefined ? {} : { responseCode }),
    ...(typeof fields.command === 'string' ? { command: fields.command } : {}),
    ...(typeof fields.response === 'string' ? { response: fields.response } : {}),
  };
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600 && responseCode !== 503) {
    return notifyError.permanent(`E-mail: the SMTP server refused the message (${responseCode}): ${message}`, details, { cause: error });
  }
  if (responseCode === undefined && code !== undefined && PERMANENT_CODES.has(code)) {
    return notifyError.permanent(`E-mail: ${message}`, details, { cause: error });
  }
  return notifyError.retryable(`E-mail: ${message}`, details, { cause: error });
}
