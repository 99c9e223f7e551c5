import { KechuangError, type CommunityUnit, type CommunitySession } from '@kechuang/community';

/**
 * The community a `jurisdiction_id` names: a community code in the caller's office. Without
 * one, the office's only community; an office with several needs it (400), and a code that is
 * not one of the office's communities — another office's included — is a 404.
 */
export async function resolveJurisdiction(session: CommunitySession, jurisdictionId: string | undefined): Promise<CommunityUnit> {
  if (jurisdictionId) {
    const found = await session.communities.findByCode(jurisdictionId);
    if (!found) {
      throw new KechuangError('NOT_FOUND', `jurisdiction_id '${jurisdictionId}' was not found. Use the code of one of your office's communities.`, { model: 'community' });
    }
    return found;
  }
  const page = await session.communities.list({ limit: 2 });
  const [only, second] = page.items;
  if (!only) throw new KechuangError('NOT_FOUND', 'This office has no community yet, so there is no jurisdiction to report to. Ask the office to create one.', { model: 'community' });
  if (second) {
    throw new KechuangError('VALIDATION_FAILED', 'jurisdiction_id was not provided: this office serves several communities. Send the code of the one you mean.', {
      issues: [{ path: ['jurisdiction_id'], message: "required when the office serves several communities; use a community's code", code: 'required' }],
    });
  }
  return only;
}
