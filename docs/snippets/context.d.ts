/**
 * Names a ```ts block in docs/ may use without declaring them. The snippet checker
 * (tests/docs/snippets.test.ts) compiles every block with this file in scope, so a guide can
 * show the one call it is about instead of the set-up every guide shares. Everything else a
 * block uses it imports from the package names, as a user would.
 *
 * Keep this small: add a name only when many guides need it.
 */
import type { Community, CommunitySession, ServiceRequest, StorageAdapter } from '@kechuang/community';

declare global {
  /** A storage adapter, e.g. `memoryStorage()` or `sqliteStorage({ filename })`. */
  const storage: StorageAdapter;
  /** The community made by `createCommunity({ storage })`, without plugins. */
  const community: Community;
  /** A session: `community.as(actor)`, here the office's system actor. */
  const session: CommunitySession;
  /** The street office (街道) the examples work in. */
  const officeId: string;
  /** A community unit (社区) of that office. */
  const communityId: string;
  /** A park (园区) of that community. */
  const parkId: string;
  /** An enterprise (企业) in that park. */
  const enterpriseId: string;
  /** A team (e.g. the legal station, 公共法律服务驿站) of that office. */
  const teamId: string;
  /** A member (an office staff member, commissioner, park captain or provider). */
  const memberId: string;
  /** An enterprise request (诉求) of that office. */
  const requestId: string;
  /** The request `requestId` names, as a command returned it. */
  const request: ServiceRequest;
}
