import type { NotificationMessage, Notifier, NotifyContext, NotifyResult } from '@kechuang/community';
import { checkBotReply, errcodeAnswer } from '../http/bot-reply.js';
import { postJson } from '../http/post-json.js';
import { mainlandMobile } from '../mobile.js';
import { DINGTALK_CODES } from './dingtalk-codes.js';
import { dingtalkSign } from './dingtalk-sign.js';

/** Options of {@link dingtalkNotifier}. */
export interface DingtalkNotifierOptions {
  /** The `access_token` of the robot's webhook URL (`https://oapi.dingtalk.com/robot/send?access_token=…`). */
  accessToken: string;
  /** The `SEC…` secret of the robot's signed mode (加签); the robot must have it switched on. */
  secret: string;
  /** Mobiles @-mentioned in every message besides the recipient, e.g. the office's duty phone. */
  atMobiles?: readonly string[];
  /**
   * `markdown` shows the title as a heading; `text` is plain.
   * @default 'markdown'
   */
  msgtype?: 'markdown' | 'text';
  /**
   * The notifier's id in outbox rows and rate limits; give each robot its own, as each has its
   * own limit.
   * @default 'dingtalk'
   */
  id?: string;
  /**
   * The API origin, for a proxy or a test server.
   * @default 'https://oapi.dingtalk.com'
   */
  baseUrl?: string;
  /** Gives up on an attempt (retryably) after this many milliseconds. @default 10000 */
  timeoutMs?: number;
  /**
   * The wall clock the signature timestamp is read from; DingTalk rejects one more than an
   * hour off its own clock, so this is not the dispatcher's (possibly simulated) `ctx.now`.
   * @default () => new Date()
   */
  now?: () => Date;
}

/**
 * Posts notifications to a DingTalk group through a custom robot (自定义机器人) in signed mode:
 * `timestamp` (ms) and `sign` = URL-encoded Base64 HmacSHA256 of `${timestamp}\n${secret}` go
 * in the query. The recipient is @-mentioned when their address is a mobile (`at.atMobiles`)
 * or a DingTalk user id (`at.atUserIds`). User ids also appear as `@…` in the text; mobile
 * numbers never do, since a number shows as it is to anyone outside the group and chat
 * messages carry masked numbers only (the `at` block still reminds the member).
 *
 * DingTalk answers HTTP 200 whether or not it accepted the message, so only `errcode: 0` is a
 * delivery: 130101/410100 (throttled) wait ten minutes and retry; 310000 (signature, timestamp,
 * keyword or IP whitelist), 300001 (no such token) and the other configuration and content
 * codes are permanent; unknown codes are retried. Limited to 20 messages a minute per robot,
 * DingTalk's own limit, shared by every worker.
 *
 * @example
 * ```ts
 * import { dingtalkNotifier } from '@kechuang/notify';
 *
 * const dingtalk = dingtalkNotifier({
 *   id: 'dingtalk-street-office',
 *   accessToken: process.env.DINGTALK_ACCESS_TOKEN!,
 *   secret: process.env.DINGTALK_SECRET!,
 * });
 * const community = createCommunity({ storage, notifiers: [dingtalk] });
 * ```
 */
export function dingtalkNotifier(options: DingtalkNotifierOptions): Notifier {
  const baseUrl = (options.baseUrl ?? 'https://oapi.dingtalk.com').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const id = options.id ?? 'dingtalk';
  const label = id === 'dingtalk' ? 'DingTalk' : `DingTalk ${id}`;
  return {
    id,
    channel: 'dingtalk',
    rateLimits: [{ limit: 20, windowMs: 60_000 }],
    async send(message: NotificationMessage, ctx: NotifyContext): Promise<NotifyResult> {
      const timestamp = now().getTime();
      const query = new URLSearchParams({ access_token: options.accessToken, timestamp: String(timestamp), sign: dingtalkSign(timestamp, options.secret) });
      const reply = await postJson({
        url: `${baseUrl}/robot/send?${query.toString()}`,
        body: JSON.stringify(dingtalkBody(message, options)),
        timeoutMs: options.timeoutMs ?? 10_000,
        signal: ctx.signal,
        label,
      });
      checkBotReply(label, reply, errcodeAnswer(reply.text), DINGTALK_CODES, now());
      return { externalId: null };
    },
  };
}

/** The robot message for `message`: DingTalk's `text` or `markdown` shape with its `at` block. */
export function dingtalkBody(message: NotificationMessage, options: Pick<DingtalkNotifierOptions, 'atMobiles' | 'msgtype'>): Record<string, unknown> {
  const mobiles = new Set(options.atMobiles ?? []);
  const userIds = new Set<string>();
  const mobile = mainlandMobile(message.to.address);
  if (mobile !== null) mobiles.add(mobile);
  else if (message.to.address !== null && message.to.address !== '' && !message.to.address.includes('@')) userIds.add(message.to.address);
  const mentions = [...userIds].map((who) => `@${who}`).join(' ');
  const at = { atMobiles: [...mobiles], atUserIds: [...userIds], isAtAll: false };

  if (options.msgtype === 'text') {
    const content = [message.title, message.text, mentions].filter((part) => part !== '').join('\n');
    return { msgtype: 'text', text: { content }, at };
  }
  // DingTalk's markdown needs a blank line for a line break.
  const paragraphs = message.text.split(/\r?\n/).join('\n\n');
  const text = [`#### ${message.title}`, paragraphs, mentions].filter((part) => part !== '').join('\n\n');
  return { msgtype: 'markdown', markdown: { title: message.title, text }, at };
}
