import { createCommunity, memoryStorage, type AnyCommunity, type CommunityOptions, type Plugin, type ServiceRequest } from '@kechuang/community';
import { devSignIn } from '../auth/dev-sign-in.js';
import { createServer, type KechuangServer } from '../create-server.js';
import type { ServerOptions } from '../server-options.js';
import { devCaller, type Call } from './dev-caller.js';

/** A small office with plugins behind a server, and a second office whose request must stay hidden. */
export interface PluginServer {
  server: KechuangServer;
  community: AnyCommunity;
  officeId: string;
  communityId: string;
  /** A station head and a commissioner of the office. */
  headId: string;
  commissionerId: string;
  /** A request of the office, submitted by the system. */
  request: ServiceRequest;
  /** A request of the other office. */
  otherRequestId: string;
  /** What the server reported to `onError`. */
  reported: unknown[];
  /** Calls as a member of the office (`who` = member id; null: no credentials). */
  call: Call;
}

/**
 * The smallest office that can take requests (one community, a station head, a commissioner)
 * on the in-memory adapter, served with `plugins`.
 */
export async function pluginServer(
  plugins: readonly Plugin[],
  options: { community?: Partial<CommunityOptions<readonly Plugin[]>>; server?: Partial<ServerOptions> } = {},
): Promise<PluginServer> {
  const community = createCommunity({ storage: memoryStorage(), ...options.community, plugins });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  const commissioner = await system.members.create({ code: 'C001', name: '赵专员', roles: [{ role: 'commissioner', portfolio: 'economic_development' }] });
  const request = await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'policy', title: '咨询高新技术企业认定政策' });

  const other = await community.offices.create({ code: 'liangzhu', name: '良渚街道' });
  const otherSystem = community.as({ kind: 'system', officeId: other.id });
  const otherCommunity = await otherSystem.communities.create({ code: 'LZ', name: '良渚社区' });
  const otherRequest = await otherSystem.requests.submit({ communityId: otherCommunity.id, channel: 'phone', category: 'policy', title: '良渚秘密诉求' });

  const reported: unknown[] = [];
  const dev = devSignIn({ community, officeIds: [office.id] });
  const server = createServer({ community, resolveActor: dev.resolve, rateLimit: false, onError: (error) => void reported.push(error), ...options.server });
  return {
    server,
    community,
    officeId: office.id,
    communityId: mc.id,
    headId: head.id,
    commissionerId: commissioner.id,
    request,
    otherRequestId: otherRequest.id,
    reported,
    call: devCaller(server, office.id),
  };
}
