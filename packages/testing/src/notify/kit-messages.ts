import { randomUUID } from 'node:crypto';
import type { NotificationMessage, NotifyContext } from '@kechuang/community';

/**
 * A zh-CN notice in the wording offices use, with full-width punctuation, a masked mobile
 * number, line breaks and a character outside the Basic Multilingual Plane (𠮷, a surrogate
 * pair in UTF-16), so that any step that is not UTF-8 clean shows.
 */
export const ZH_CN_TITLE = '新的企业诉求待签收：𠮷野家（梦创）科技';

export const ZH_CN_TEXT = [
  '王小明您好：',
  '您有一条新的企业诉求待签收，请于2025年3月5日17:00前办结。',
  '企业：𠮷野家（梦创）科技有限公司　联系电话：138****1234',
  '「诉求内容」厂房漏水，需协调物业维修。',
].join('\n');

/** Builds the kit's messages: unique ids and idempotency keys, the given recipient address. */
export function kitMessageFactory(address: string | null): (overrides?: Partial<NotificationMessage>) => NotificationMessage {
  let seq = 0;
  const run = randomUUID().slice(0, 8);
  return (overrides = {}) => {
    seq += 1;
    const id = `kit-${run}-${seq}`;
    return {
      id,
      idempotencyKey: `request.assign:${id}:member-1:kit`,
      event: 'request.assign',
      locale: 'en',
      title: `Kit notice ${seq}`,
      text: `A new request is waiting for you (kit message ${seq}).`,
      html: null,
      to: { memberId: 'member-1', name: 'Wang Xiaoming', address },
      officeId: 'office-kit',
      requestId: `request-${run}-${seq}`,
      data: { seq, requestId: `request-${run}-${seq}`, dueAt: '2025-03-05T09:00:00.000Z' },
      createdAt: new Date('2025-03-03T01:00:00.000Z'),
      ...overrides,
    };
  };
}

/** A context for one attempt; the signal is the caller's or a fresh one that never aborts. */
export function kitContext(attempt = 1, signal: AbortSignal = new AbortController().signal): NotifyContext {
  return { attempt, signal, now: new Date('2025-03-03T01:00:05.000Z') };
}
