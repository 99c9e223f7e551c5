import type { NotificationMessage, Notifier, NotifyContext, NotifyResult } from '@kechuang/community';
import { checkBotReply, errcodeAnswer } from '../http/bot-reply.js';
import { postJson } from '../http/post-json.js';
import { mainlandMobile } from '../mobile.js';
import { truncateUtf8 } from '../utf8-truncate.js';
import { WECOM_CODES } from './wecom-codes.js';

/** Options of {@link wecomNotifier}. */
export interface WecomNotifierOptions {
  /** The `key` of the group robot's webhook URL (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`). */
  key: string;
  /**
   * `markdown` shows the title in bold, but WeCom's markdown cannot carry the mention lists, so
   * a message that @-mentions its recipient is always sent as `text`.
   * @default 'markdown'
   */
  msgtype?: 'markdown' | 'text';
  /**
   * The notifier's id in outbox rows and rate limits; give each robot its own.
   * @default 'wecom'
   */
  id?: string;
  /**
   * The API origin, for a proxy or a test server.
   * @default 'https://qyapi.weixin.qq.com'
   */
  baseUrl?: string;
  /** Gives up on an attempt (retryably) after this many milliseconds. @default 10000 */
  timeoutMs?: number;
}

/** WeCom's limits on a message's content, in UTF-8 bytes. */
const MAX_TEXT_BYTES = 2048;
const MAX_MARKDOWN_BYTES = 4096;

/**
 * Posts notifications to a WeCom (企业微信) group through its group robot webhook. The group
 * robot has no signature: its `key` is the credential, so keep it secret. The recipient is
 * @-mentioned through `mentioned_mobile_list` when their address is a mobile, and through
 * `mentioned_list` when it is a WeCom user id; the text itself carries no number.
 *
 * WeCom answers HTTP 200 with an `errcode`; only 0 is a delivery: 45009 (frequency limit)
 * retries after a minute, 93000 (invalid webhook key) and the other request errors are
 * permanent, unknown codes are retried. Limited to WeCom's 20 messages a minute per robot,
 * shared by every worker. Content longer than WeCom accepts (2048 bytes of text, 4096 of
 * markdown) is cut with an ellipsis.
 *
 * @example
 * ```ts
 * import { wecomNotifier } from '@kechuang/notify';
 *
 * const community = createCommunity({ storage, notifiers: [wecomNotifier({ id: 'wecom-park-office', key: process.env.WECOM_ROBOT_KEY! })] });
 * ```
 */
export function wecomNotifier(options: WecomNotifierOptions): Notifier {
  const baseUrl = (options.baseUrl ?? 'https://qyapi.weixin.qq.com').replace(/\/+$/, '');
  const id = options.id ?? 'wecom';
  const label = id === 'wecom' ? 'WeCom' : `WeCom ${id}`;
  return {
    id,
    channel: 'wecom',
    rateLimits: [{ limit: 20, windowMs: 60_000 }],
    async send(message: NotificationMessage, ctx: NotifyContext): Promise<NotifyResult> {
      const reply = await postJson({
        url: `${baseUrl}/cgi-bin/webhook/send?${new URLSearchParams({ key: options.key }).toString()}`,
        body: JSON.stringify(wecomBody(message, options)),
        timeoutMs: options.timeoutMs ?? 10_000,
        signal: ctx.signal,
        label,
      });
      checkBotReply(label, reply, errcodeAnswer(reply.text), WECOM_CODES, new Date());
      return { externalId: null };
    },
  };
}

/** The robot message for `message` in WeCom's `text` or `markdown` shape. */
export function wecomBody(message: NotificationMessage, options: Pick<WecomNotifierOptions, 'msgtype'>): Record<string, unknown> {
  const address = message.to.address ?? '';
  const mobile = mainlandMobile(address);
  const mention = mobile !== null ? { mentioned_mobile_list: [mobile] } : address !== '' && !address.includes('@') ? { mentioned_list: [address] } : null;
  if (options.msgtype === 'text' || mention !== null) {
    return { msgtype: 'text', text: { content: truncateUtf8(`${message.title}\n${message.text}`, MAX_TEXT_BYTES), ...mention } };
  }
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(`**${message.title}**\n${message.text}`, MAX_MARKDOWN_BYTES) } };
}
