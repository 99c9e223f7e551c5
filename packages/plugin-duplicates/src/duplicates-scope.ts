import type { Where } from '@kechuang/community';
import type { DuplicatesOptions } from './duplicates-options.js';

/** Where a new request stands: what decides which earlier requests it is compared with. */
export interface Probe {
  officeId: string;
  communityId: string;
  enterpriseId: string | null;
  parkId: string | null;
  category: string;
  /** The member who submitted it; null for the system actor. */
  submittedById: string | null;
}

/**
 * The earlier requests a new one may duplicate. Every clause starts with the office: the
 * plugin reads storage directly, so tenant isolation is its own to keep.
 *
 * - `enterprise` scope: the same enterprise's requests; a request without an enterprise is
 *   compared with requests without one in the same park (or, without a park, the same
 *   community) and category.
 * - `park` scope: every request in the same park (or community) and category, whatever the
 *   enterprise: one problem of a park that several enterprises report.
 */
export function scopeWhere(probe: Probe, scope: DuplicatesOptions['scope']): Where {
  const office = { field: 'officeId', value: probe.officeId };
  if (scope === 'enterprise' && probe.enterpriseId !== null) return [office, { field: 'enterpriseId', value: probe.enterpriseId }];
  const place: Where = probe.parkId !== null ? [{ field: 'parkId', value: probe.parkId }] : [{ field: 'communityId', value: probe.communityId }, { field: 'parkId', op: 'is_null' }];
  const withoutEnterprise: Where = scope === 'enterprise' ? [{ field: 'enterpriseId', op: 'is_null' }] : [];
  return [office, ...place, { field: 'category', value: probe.category }, ...withoutEnterprise];
}

/** Whose repeats are counted: the enterprise's, or without one the submitting member's. */
export interface Subject {
  /** Unique within the office, e.g. `enterprise:<id>`. */
  key: string;
  where: Where;
  /** Worded for a message: whose earlier requests these are. */
  kind: 'enterprise' | 'member';
}

/** The subject of a new request; null when it has neither an enterprise nor a submitting member. */
export function subjectOf(probe: Probe): Subject | null {
  const office = { field: 'officeId', value: probe.officeId };
  if (probe.enterpriseId !== null) {
    return { key: `enterprise:${probe.enterpriseId}`, kind: 'enterprise', where: [office, { field: 'enterpriseId', value: probe.enterpriseId }] };
  }
  if (probe.submittedById !== null) {
    return {
      key: `member:${probe.submittedById}`,
      kind: 'member',
      where: [office, { field: 'enterpriseId', op: 'is_null' }, { field: 'submittedById', value: probe.submittedById }],
    };
  }
  return null;
}
