import { createCommunity, memoryStorage, type Community, type Office, type StorageAdapter } from '@kechuang/community';
import { generateMengchuang, loadDemo, mengchuangConfigText, type LoadedDemo } from '@kechuang/demo';
import { createServer, type KechuangServer } from '../create-server.js';
import { devSignIn } from '../auth/dev-sign-in.js';
import type { ServerOptions } from '../server-options.js';
import { devCaller, type Call } from './dev-caller.js';

/** The Mengchuang demo (40 enterprises) behind a server, plus a second office to attack from. */
export interface DemoServer {
  server: KechuangServer;
  community: Community;
  office: Office;
  demo: LoadedDemo;
  /** An enterprise in park P01 and P01's captain: a captain may report for enterprises in their parks. */
  p01: { enterpriseId: string; captainId: string };
  other: { office: Office; communityId: string; memberId: string; requestId: string };
  /** Calls as a member of the demo office (`who` = member id; null: no credentials). */
  call: Call;
  /** Calls as a member of the other office. */
  callOther: Call;
}

export async function demoServer(options: Partial<ServerOptions> & { storage?: StorageAdapter } = {}): Promise<DemoServer> {
  const { storage, ...serverOptions } = options;
  const community = createCommunity({ storage: storage ?? memoryStorage() });
  const directory = generateMengchuang({ enterprises: 40 });
  const office = await community.offices.create(directory.office);
  const system = community.as({ kind: 'system', officeId: office.id });
  const demo = await loadDemo(system, directory);
  await community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId }).config.update(mengchuangConfigText());

  const otherOffice = await community.offices.create({ code: 'other-office', name: '良渚街道' });
  const otherSystem = community.as({ kind: 'system', officeId: otherOffice.id });
  const otherCommunity = await otherSystem.communities.create({ code: 'LZ', name: '良渚社区' });
  const otherMember = await otherSystem.members.create({ code: 'LZ-S001', name: '王站长', roles: [{ role: 'station_head' }] });
  const otherRequest = await otherSystem.requests.submit({ communityId: otherCommunity.id, channel: 'phone', category: 'policy', title: '咨询人才政策' });

  const dev = devSignIn({ community, officeIds: [office.id, otherOffice.id] });
  const server = createServer({ community, resolveActor: dev.resolve, devSignIn: dev, rateLimit: false, ...serverOptions });
  return {
    server,
    community,
    office,
    demo,
    p01: {
      enterpriseId: demo.enterpriseIds.get(directory.enterprises.find((e) => e.parkCode === 'P01')!.creditCode)!,
      captainId: demo.captainIds.get('P01')!,
    },
    other: { office: otherOffice, communityId: otherCommunity.id, memberId: otherMember.id, requestId: otherRequest.id },
    call: devCaller(server, office.id),
    callOther: devCaller(server, otherOffice.id),
  };
}
