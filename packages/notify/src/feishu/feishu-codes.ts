import type { BotCodeRule } from '../http/bot-reply.js';

const PERMANENT = (meaning: string): BotCodeRule => ({ retryable: false, meaning });

/**
 * How the Feishu custom bot's result `code`s are handled. Codes not listed are retried (see
 * `checkBotReply`).
 */
export const FEISHU_CODES: Readonly<Record<number, BotCodeRule>> = {
  // Feishu uses 9499 both for "too many request" and for a body it cannot parse. Our bodies
  // are generated, so throttling is the likely one; a real parse failure repeats until the
  // attempts run out and it becomes a dead letter.
  9499: { retryable: true, meaning: 'Feishu refused the request (throttled or unreadable)' },
  11232: { retryable: true, meaning: 'the bot is rate limited (100 messages a minute, 5 a second)' },
  19001: PERMANENT('the webhook token is invalid'),
  19002: PERMANENT('a request parameter is invalid'),
  19021: PERMANENT('the signature does not match, or the timestamp is more than an hour off'),
  19022: PERMANENT('the sending IP is not in the bot\'s whitelist'),
  19024: PERMANENT('the message contains none of the bot\'s keywords'),
};
