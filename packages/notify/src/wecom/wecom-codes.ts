import type { BotCodeRule } from '../http/bot-reply.js';

const PERMANENT = (meaning: string): BotCodeRule => ({ retryable: false, meaning });

/**
 * How the WeCom group robot's `errcode`s are handled. Codes not listed are retried (see
 * `checkBotReply`).
 */
export const WECOM_CODES: Readonly<Record<number, BotCodeRule>> = {
  [-1]: { retryable: true, meaning: 'WeCom is busy' },
  // The robot may send 20 messages a minute; the window is a minute.
  45009: { retryable: true, retryAfterMs: 60_000, meaning: 'the robot exceeded its sending frequency' },
  93000: PERMANENT('the webhook key is invalid (the robot was removed or the key is wrong)'),
  40008: PERMANENT('the message type is invalid'),
  40058: PERMANENT('a parameter is missing or invalid'),
  44004: PERMANENT('the message content is empty'),
};
