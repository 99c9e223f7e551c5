/**
 * Characters RFC 5322 allows in an address only quoted or not at all. Refusing them (and
 * whitespace) keeps a stored address from smuggling in a second recipient or a header line.
 */
const ATOM = String.raw`[^\s@<>()\[\]\\,;:"]+`;
const ADDRESS = new RegExp(`^${ATOM}@${ATOM}(?:\\.${ATOM})+$`, 'u');

/**
 * Whether `value` is a bare e-mail address (`local@domain.tld`, Unicode allowed) that can be
 * sent to as it is. Display names, lists and single-label domains are refused: a member's
 * e-mail channel holds exactly one deliverable address.
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value) && !value.split('@')[1]!.split('.').some((label) => label.length === 0);
}

/** The domain of the (last) address in a From value such as `科创社区 <noreply@example.cn>`. */
export function domainOf(from: string): string | null {
  const match = /@([^\s@<>()\[\]\\,;:"]+)>?\s*$/u.exec(from);
  return match ? match[1]! : null;
}
