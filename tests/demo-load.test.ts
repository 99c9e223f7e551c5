import { createCommunity, memoryStorage } from '@kechuang/community';
import { generateMengchuang, loadDemo } from '@kechuang/demo';
import { describe, expect, it } from 'vitest';

describe('the Mengchuang demo through the real SDK', () => {
  it('loads every generated record and the loaded people can work a request', async () => {
    const community = createCommunity({ storage: memoryStorage() });
    const directory = generateMengchuang({ enterprises: 600 });
    const office = await community.offices.create(directory.office);
    const system = community.as({ kind: 'system', officeId: office.id });
    const demo = await loadDemo(system, directory);

    expect(demo.parkIds.size).toBe(62);
    expect(demo.buildingIds.size).toBe(95);
    expect(demo.enterpriseIds.size).toBe(600);
    expect(demo.commissionerIds.size).toBe(4);
    expect(demo.captainIds.size).toBe(62);
    expect((await system.parks.list({ limit: 100 })).items).toHaveLength(62);

    // A captain submits for an enterprise in their park; the station head assigns it to the lawyer.
    const enterprise = directory.enterprises.find((e) => e.parkCode !== null)!;
    const parkCode = enterprise.parkCode!;
    const captain = community.as({ kind: 'member', officeId: office.id, memberId: demo.captainIds.get(parkCode)! });
    const request = await captain.requests.submit({
      communityId: demo.communityId,
      enterpriseId: demo.enterpriseIds.get(enterprise.creditCode)!,
      channel: 'captain_report',
      category: 'legal',
      title: '合同纠纷咨询',
    });
    expect(request.parkId).toBe(demo.parkIds.get(parkCode));
    const head = community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId });
    const assigned = await head.requests.assign({ requestId: request.id, version: 1, assigneeId: demo.lawyerId, teamId: demo.legalTeamId });
    expect(assigned.status).toBe('assigned');
    const lawyer = community.as({ kind: 'member', officeId: office.id, memberId: demo.lawyerId });
    expect((await lawyer.requests.list()).items.map((r) => r.id)).toEqual([request.id]);
  });
});
