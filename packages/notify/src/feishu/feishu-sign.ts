import { createHmac } from 'node:crypto';

/**
 * The `sign` of a Feishu custom bot with signature verification (签名校验): the Base64
 * HmacSHA256 whose **key** is `${timestamp}\n${secret}` and whose message is empty (unlike
 * DingTalk, which keys with the secret and signs the string). `timestamp` is in seconds and
 * must lie within an hour of Feishu's clock; both go in the JSON body.
 */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}
