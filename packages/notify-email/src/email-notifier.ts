import { domainToASCII } from 'node:url';
import { type NotificationMessage, type Notifier, type NotifyContext, type NotifyResult, notifyError } from '@kechuang/community';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { classifySmtpError } from './classify-smtp-error.js';
import { domainOf, isEmailAddress } from './email-address.js';
import { messageIdFor } from './message-id.js';
import { textToHtml } from './text-to-html.js';

/** The header that carries a notification's idempotency key, for receivers that drop duplicates. */
export const IDEMPOTENCY_HEADER = 'X-Kechuang-Idempotency-Key';

/** The header that names the event a notification is about, e.g. `request.assign`. */
export const EVENT_HEADER = 'X-Kechuang-Event';

/** Where {@link emailNotifier} connects when it builds its own pooled SMTP transport. */
export interface EmailSmtpOptions {
  /** The SMTP server's host name. */
  host: string;
  /** The SMTP server's port, e.g. 465 or 587. */
  port: number;
  /**
   * TLS from the first byte (port 465). With false the connection is upgraded with STARTTLS
   * when the server offers it.
   * @default port === 465
   */
  secure?: boolean;
  /** The login, when the server asks for one. */
  auth?: {
    /** The user name. */
    user: string;
    /** The password. */
    pass: string;
  };
  /**
   * Connections kept open at once.
   * @default 5
   */
  maxConnections?: number;
  /** Passed on to `tls.connect`, e.g. `{ rejectUnauthorized: false }` for a relay with a private CA. */
  tls?: {
    /** Whether to refuse a certificate the system's CAs do not vouch for. @default true */
    rejectUnauthorized?: boolean;
    /** The name the certificate must carry, when it differs from `host`. */
    servername?: string;
  };
}

/**
 * Options of {@link emailNotifier}. Give either `smtp` (the notifier builds and owns a pooled
 * transport) or `transport` (a nodemailer transporter you built and close yourself).
 */
export interface EmailNotifierOptions {
  /** The SMTP server to send through; the notifier keeps a pool of connections to it. */
  smtp?: EmailSmtpOptions;
  /** A nodemailer transporter to send through instead of `smtp`; `close()` leaves it open. */
  transport?: Transporter;
  /** The sender, e.g. `'科创社区 <noreply@kc.example.cn>'`; its domain also names the Message-IDs. */
  from:
    | string
    | {
        /** The display name, e.g. 科创社区. */
        name: string;
        /** The e-mail address. */
        address: string;
      };
  /**
   * The notifier's id in outbox rows and rate limits.
   * @default 'email'
   */
  id?: string;
  /**
   * How long one send may take, connecting included, before it fails as retryable. The
   * dispatcher's `ctx.signal` can end it sooner.
   * @default 30_000
   */
  timeoutMs?: number;
  /**
   * Messages per window, shared by every worker through storage (a relay's sending quota).
   * @default no limit
   */
  rateLimits?: readonly {
    /** The most messages in one window. */
    limit: number;
    /** The window's length, in milliseconds. */
    windowMs: number;
  }[];
}

function fromAddress(from: EmailNotifierOptions['from']): string {
  return typeof from === 'string' ? from : from.address;
}

function abortReason(signal: AbortSignal, fallback: string): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : fallback;
}

/**
 * A notifier that sends each notification as an e-mail over SMTP (nodemailer): the title as
 * the subject, `text` as the text part and `html` (or the text as simple HTML) as the HTML
 * part, to `message.to.address`. Every message carries its idempotency key in the
 * `X-Kechuang-Idempotency-Key` header and a Message-ID derived from it, the same on every
 * retry; the result's `externalId` is that Message-ID.
 *
 * Failures: a missing or invalid address and 5xx replies (550 unknown mailbox, 553, 535) are
 * permanent; 4xx replies, refused connections, timeouts and an aborted `ctx.signal` are
 * retryable.
 *
 * @example
 * ```ts
 * import { emailNotifier } from '@kechuang/notify-email';
 *
 * const email = emailNotifier({
 *   smtp: { host: 'smtp.example.cn', port: 465, auth: { user: 'noreply@example.cn', pass: process.env.SMTP_PASS! } },
 *   from: '梦创社区 <noreply@example.cn>',
 * });
 * const community = createCommunity({ storage, notifiers: [email], config });
 * ```
 */
export function emailNotifier(options: EmailNotifierOptions): Notifier {
  const { smtp, from, id = 'email', timeoutMs = 30_000, rateLimits } = options;
  if ((smtp === undefined) === (options.transport === undefined)) {
    throw new TypeError('emailNotifier: give exactly one of `smtp` and `transport`');
  }
  if (!isEmailAddress(fromAddress(from).trim().replace(/^.*<|>$/g, ''))) {
    throw new TypeError(`emailNotifier: \`from\` needs a sender address, got ${JSON.stringify(from)}`);
  }
  if (!(timeoutMs > 0)) throw new TypeError('emailNotifier: `timeoutMs` must be positive');

  const owned = smtp !== undefined;
  const transport: Transporter =
    options.transport ??
    nodemailer.createTransport({
      pool: true,
      host: smtp!.host,
      port: smtp!.port,
      secure: smtp!.secure ?? smtp!.port === 465,
      ...(smtp!.auth ? { auth: smtp!.auth } : {}),
      ...(smtp!.tls ? { tls: smtp!.tls } : {}),
      maxConnections: smtp!.maxConnections ?? 5,
      // The dispatcher owns retries: a message whose connection dropped fails back to it
      // (retryable) instead of being sent again behind its back.
      maxRequeues: 0,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
    });
  const domain = domainToASCII(domainOf(fromAddress(from)) ?? '') || 'kechuang.invalid';
  let closed = false;

  async function send(message: NotificationMessage, ctx: NotifyContext): Promise<NotifyResult> {
    if (closed) throw notifyError.retryable('E-mail: the notifier is closed');
    const address = message.to.address?.trim() ?? '';
    if (address === '') throw notifyError.permanent('E-mail: the recipient has no e-mail address', { memberId: message.to.memberId });
    if (!isEmailAddress(address)) {
      throw notifyError.permanent('E-mail: the recipient address is not a valid e-mail address', { memberId: message.to.memberId });
    }
    if (/[\r\n]/.test(message.idempotencyKey)) throw notifyError.permanent('E-mail: the idempotency key contains a line break');
    if (ctx.signal.aborted) throw notifyError.retryable(`E-mail: aborted before sending: ${abortReason(ctx.signal, 'aborted')}`);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const onAbort = (): void => controller.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const mail: SendMailOptions = {
      from,
      to: { name: message.to.name, address },
      subject: message.title,
      text: message.text,
      html: message.html ?? textToHtml(message.text, message.locale),
      messageId: messageIdFor(message.idempotencyKey, domain),
      headers: {
        [IDEMPOTENCY_HEADER]: message.idempotencyKey,
        [EVENT_HEADER]: message.event,
        'Content-Language': message.locale,
        // RFC 3834: out-of-office robots must not answer a notice nobody reads replies to.
        'Auto-Submitted': 'auto-generated',
      },
      signal: controller.signal,
    };
    try {
      // The race settles the promise the moment the signal fires even if a transport ignores
      // it mid-send; the dispatcher must get its worker back.
      const aborted = new Promise<never>((_, reject) => {
        const fail = (): void => reject(notifyError.retryable(`E-mail: ${abortReason(controller.signal, 'aborted')}`));
        if (controller.signal.aborted) fail();
        else controller.signal.addEventListener('abort', fail, { once: true });
      });
      aborted.catch(() => undefined);
      const info = await Promise.race([transport.sendMail(mail), aborted]);
      return { externalId: typeof info.messageId === 'string' ? info.messageId : null };
    } catch (error) {
      if (controller.signal.aborted) throw notifyError.retryable(`E-mail: ${abortReason(controller.signal, 'aborted')}`, {}, { cause: error });
      throw classifySmtpError(error);
    } finally {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    id,
    channel: 'email',
    ...(rateLimits ? { rateLimits } : {}),
    send,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      if (owned) transport.close();
    },
  };
}
