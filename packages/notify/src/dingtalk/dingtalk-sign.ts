import { createHmac } from 'node:crypto';

/**
 * The `sign` of a DingTalk custom robot in signed mode (加签), before URL encoding: the
 * Base64 HmacSHA256, keyed with the robot's `SEC…` secret, of `${timestamp}\n${secret}`, both
 * as UTF-8; `timestamp` is in milliseconds and must lie within an hour of DingTalk's clock.
 * It travels as the `timestamp` and `sign` query parameters, URL-encoded (URLSearchParams
 * encodes the Base64 `+`, `/` and `=`).
 */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}
