import type { BotCodeRule } from '../http/bot-reply.js';

const PERMANENT = (meaning: string): BotCodeRule => ({ retryable: false, meaning });

/**
 * A robot that sends more than 20 messages in a minute is throttled for ten minutes
 * (DingTalk's custom-robot documentation), so a throttled message waits that long.
 */
const THROTTLED: BotCodeRule = { retryable: true, retryAfterMs: 10 * 60_000, meaning: 'the robot is throttled for sending too fast' };

/**
 * How the DingTalk custom robot's `errcode`s are handled. Codes not listed are retried (see
 * `checkBotReply`): e.g. 88 or a new code DingTalk adds.
 */
export const DINGTALK_CODES: Readonly<Record<number, BotCodeRule>> = {
  [-1]: { retryable: true, meaning: 'DingTalk is busy' },
  130101: THROTTLED,
  410100: THROTTLED,
  // 310000 covers every security-setting failure: "sign not match", "invalid timestamp",
  // "keywords not in content", "ip … not in whitelist". None heals by retrying.
  310000: PERMANENT('the security check failed (signature, timestamp, keyword or IP whitelist)'),
  300001: PERMANENT('the access token does not exist'),
  300005: PERMANENT('the access token does not exist'),
  400013: PERMANENT('the group has been dissolved'),
  400101: PERMANENT('the access token does not exist'),
  400102: PERMANENT('the robot has been disabled'),
  400105: PERMANENT('the message type is not supported'),
  400106: PERMANENT('the robot does not exist'),
  430101: PERMANENT('the message contains an unsafe link'),
  430102: PERMANENT('the message contains inappropriate text'),
  430103: PERMANENT('the message contains an inappropriate image'),
  430104: PERMANENT('the message contains inappropriate content'),
};
