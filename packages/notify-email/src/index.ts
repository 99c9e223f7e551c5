/**
 * E-mail notifications for `@kechuang/community`: SMTP through nodemailer, with HTML and text
 * parts and the idempotency key in a header.
 *
 * @example
 * ```ts
 * import { emailNotifier } from '@kechuang/notify-email';
 *
 * const email = emailNotifier({ smtp: { host: 'smtp.example.cn', port: 465 }, from: 'noreply@example.cn' });
 * ```
 *
 * @packageDocumentation
 */
export { EVENT_HEADER, IDEMPOTENCY_HEADER, emailNotifier, type EmailNotifierOptions, type EmailSmtpOptions } from './email-notifier.js';
