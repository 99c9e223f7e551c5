import { createHash } from 'node:crypto';

/**
 * A Message-ID derived from the idempotency key, so every retry of one notification carries
 * the same id and mail systems that drop duplicate Message-IDs show it once. The key is
 * hashed because it may hold characters a Message-ID may not (`:`, spaces, non-ASCII).
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 40);
  return `<kechuang.${digest}@${domain}>`;
}
