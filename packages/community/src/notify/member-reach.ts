import type { Member, MemberLocale } from '../model/member.js';

/**
 * The member's address on a notification channel: the contact for that channel, else for
 * `email` the member's e-mail address; null when the member cannot be reached on it.
 */
export function memberAddress(member: Pick<Member, 'contacts' | 'email'>, channel: string): string | null {
  const contact = (member.contacts ?? []).find((c) => c.channel === channel);
  if (contact) return contact.address;
  return channel === 'email' ? member.email : null;
}

/** The member's locale; 'zh-CN' for members stored before locales existed. */
export function memberLocale(member: Pick<Member, 'locale'>): MemberLocale {
  return member.locale ?? 'zh-CN';
}
