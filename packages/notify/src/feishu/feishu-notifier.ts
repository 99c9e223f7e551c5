import type { NotificationMessage, Notifier, NotifyContext, NotifyResult } from '@kechuang/community';
import { checkBotReply, type BotAnswer } from '../http/bot-reply.js';
import { parseJsonObject } from '../http/parse-json-object.js';
import { postJson } from '../http/post-json.js';
import { mainlandMobile } from '../mobile.js';
import { truncateUtf8 } from '../utf8-truncate.js';
import { FEISHU_CODES } from './feishu-codes.js';
import { feishuSign } from './feishu-sign.js';

/** Options of {@link feishuNotifier}. */
export interface FeishuNotifierOptions {
  /**
   * The bot's webhook as Feishu shows it (`https://open.feishu.cn/open-apis/bot/v2/hook/…`), or
   * only the token at its end.
   */
  webhook: string;
  /** The secret of the bot's signature verification (签名校验); the bot must have it switched on. */
  secret: string;
  /**
   * `post` (rich text) shows the title; `text` is plain.
   * @default 'post'
   */
  msgType?: 'post' | 'text';
  /**
   * The notifier's id in outbox rows and rate limits; give each bot its own.
   * @default 'feishu'
   */
  id?: string;
  /**
   * The API origin, replacing the webhook's: a proxy, a test server, or
   * `https://open.larksuite.com` for Lark.
   * @default the webhook's origin, else 'https://open.feishu.cn'
   */
  baseUrl?: string;
  /** Gives up on an attempt (retryably) after this many milliseconds. @default 10000 */
  timeoutMs?: number;
  /**
   * The wall clock the signature timestamp is read from; Feishu rejects one more than an hour
   * off its own clock, so this is not the dispatcher's (possibly simulated) `ctx.now`.
   * @default () => new Date()
   */
  now?: () => Date;
}

/** Feishu refuses request bodies over 20 KB; the text gets what the envelope leaves. */
const MAX_TEXT_BYTES = 16 * 1024;

/**
 * Posts notifications to a Feishu (飞书) group through a custom bot with signature
 * verification: `timestamp` (seconds) and `sign` = Base64 HmacSHA256 keyed with
 * `${timestamp}\n${secret}` over an empty message go in the JSON body. The recipient is
 * @-mentioned (`<at user_id=…>`) when their address is a Feishu open_id or user_id; mobiles
 * and e-mail addresses cannot be mentioned by a custom bot and are left out.
 *
 * Only a result `code` of 0 is a delivery (Feishu answers HTTP 200, or 400, with the code in
 * the body): 9499 and 11232 (frequency limit) are retried, 19021 (signature or timestamp),
 * 19022 (IP whitelist), 19024 (keywords) and 19001 (bad token) are permanent, unknown codes are
 * retried. Limited to Feishu's 100 messages a minute and 5 a second per bot, shared by every
 * worker.
 *
 * @example
 * ```ts
 * import { feishuNotifier } from '@kechuang/notify';
 *
 * const feishu = feishuNotifier({ id: 'feishu-legal-station', webhook: process.env.FEISHU_BOT_WEBHOOK!, secret: process.env.FEISHU_BOT_SECRET! });
 * const community = createCommunity({ storage, notifiers: [feishu] });
 * ```
 */
export function feishuNotifier(options: FeishuNotifierOptions): Notifier {
  const url = feishuHookUrl(options.webhook, options.baseUrl);
  const now = options.now ?? (() => new Date());
  const id = options.id ?? 'feishu';
  const label = id === 'feishu' ? 'Feishu' : `Feishu ${id}`;
  return {
    id,
    channel: 'feishu',
    rateLimits: [
      { limit: 100, windowMs: 60_000 },
      { limit: 5, windowMs: 1_000 },
    ],
    async send(message: NotificationMessage, ctx: NotifyContext): Promise<NotifyResult> {
      const timestamp = Math.floor(now().getTime() / 1000);
      const reply = await postJson({
        url,
        // Feishu's own example sends the timestamp as a string.
        body: JSON.stringify({ timestamp: String(timestamp), sign: feishuSign(timestamp, options.secret), ...feishuMessage(message, options) }),
        timeoutMs: options.timeoutMs ?? 10_000,
        signal: ctx.signal,
        label,
      });
      checkBotReply(label, reply, feishuAnswer(reply.text), FEISHU_CODES, now());
      return { externalId: null };
    },
  };
}

/** The full hook URL from a webhook URL or a bare token. */
export function feishuHookUrl(webhook: string, baseUrl: string | undefined): string {
  const origin = baseUrl?.replace(/\/+$/, '');
  if (/^https?:\/\//i.test(webhook)) {
    const url = new URL(webhook);
    return origin === undefined ? url.toString() : `${origin}${url.pathname}${url.search}`;
  }
  return `${origin ?? 'https://open.feishu.cn'}/open-apis/bot/v2/hook/${encodeURIComponent(webhook)}`;
}

/** `msg_type` and `content` for `message`. */
export function feishuMessage(message: NotificationMessage, options: Pick<FeishuNotifierOptions, 'msgType'>): Record<string, unknown> {
  const address = message.to.address ?? '';
  // open_id (ou_…) or user_id; a mobile or an e-mail address cannot be @-mentioned by a custom bot.
  const mention = address !== '' && mainlandMobile(address) === null && /^[A-Za-z0-9_-]+$/.test(address) ? address : null;
  const text = truncateUtf8(message.text, MAX_TEXT_BYTES);
  if (options.msgType === 'text') {
    const at = mention === null ? '' : `<at user_id="${mention}">${escapeXml(message.to.name)}</at> `;
    return { msg_type: 'text', content: { text: `${at}${message.title}\n${text}` } };
  }
  const lines: Record<string, string>[][] = text.split(/\r?\n/).map((line) => [{ tag: 'text', text: line }]);
  if (mention !== null) lines.push([{ tag: 'at', user_id: mention }]);
  return { msg_type: 'post', content: { post: { [message.locale === 'en' ? 'en_us' : 'zh_cn']: { title: message.title, content: lines } } } };
}

/** Feishu's result: `code`/`msg`, or `StatusCode`/`StatusMessage` in older answers. */
function feishuAnswer(text: string): BotAnswer | null {
  const body = parseJsonObject(text);
  if (body === null) return null;
  if (typeof body['code'] === 'number') return { code: body['code'], message: String(body['msg'] ?? '') };
  if (typeof body['StatusCode'] === 'number') return { code: body['StatusCode'], message: String(body['StatusMessage'] ?? '') };
  return null;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
