import { describe, expect, it } from 'vitest';
import { createCommunity, memoryStorage } from '@kechuang/community';
import { crashConfig, setUpCrashDirectory } from './crash-directory.js';
import { checkCrashedDatabase } from './crash-invariants.js';

const ESCALATION_STEPS = crashConfig.slaPolicies?.[0]?.escalation?.length ?? 0;

async function acceptedRequest() {
  const storage = memoryStorage();
  const community = createCommunity({ storage });
  const dir = await setUpCrashDirectory(community);
  const head = community.as({ kind: 'member', officeId: dir.officeId, memberId: dir.headId });
  const submitted = await head.requests.submit({ communityId: dir.communityId, enterpriseId: dir.enterpriseIds[0] ?? null, channel: 'phone', category: 'legal', title: '尾款未结' });
  const lawyer = community.as({ kind: 'member', officeId: dir.officeId, memberId: submitted.assigneeId ?? '' });
  const accepted = await lawyer.requests.accept({ requestId: submitted.id });
  const check = (confirmed = [{ requestId: accepted.id, version: accepted.version, command: 'accept' }]) =>
    checkCrashedDatabase(storage, community, dir.officeId, confirmed, ESCALATION_STEPS, new Map());
  return { storage, community, dir, request: accepted, check };
}

// The kill test passing means little unless its check can fail: each of these is a write the
// SDK must never leave half done, made by hand.
describe('the crash check', () => {
  it('finds nothing wrong with a request moved through the SDK', async () => {
    const { check } = await acceptedRequest();
    const result = await check();
    expect(result.violations).toEqual([]);
    expect(result.counts).toMatchObject({ requests: 1, committedCommands: 2, decoded: 1, pendingTimers: ESCALATION_STEPS + 3 });
  });

  it('reports a confirmed command that is missing and a version ahead of its timeline', async () => {
    const { storage, request, check } = await acceptedRequest();
    await storage.delete({ model: 'timeline_entry', where: [{ field: 'requestId', value: request.id }, { field: 'seq', value: 2 }] });
    const result = await check([
      { requestId: request.id, version: 2, command: 'accept' },
      { requestId: 'never-written', version: 1, command: 'submit' },
    ]);
    expect(result.violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/never-written at v1: the request is missing/),
        expect.stringMatching(/no timeline entry with seq 2/),
        expect.stringMatching(/timeline seqs \[1\], not 1\.\.2/),
        expect.stringMatching(/is 'accepted' but its last transition \(seq 1\) went to 'assigned'/),
      ]),
    );
  });

  it('reports orphaned rows and timers left pending on a replied request', async () => {
    const { storage, request, check } = await acceptedRequest();
    await storage.update({ model: 'request', where: [{ field: 'id', value: request.id }], data: { status: 'replied' } });
    const [timer] = await storage.findMany({ model: 'timer', where: [{ field: 'requestId', value: request.id }], limit: 1 });
    await storage.create({ model: 'timer', data: { ...timer, id: 'orphan-timer', key: 'ghost:1:escalation:1', requestId: 'ghost' } });
    const [entry] = await storage.findMany({ model: 'timeline_entry', where: [{ field: 'requestId', value: request.id }], limit: 1 });
    await storage.create({ model: 'timeline_entry', data: { ...entry, id: 'orphan-entry', requestId: 'ghost' } });
    const result = await check();
    expect(result.violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/'replied', paused: false\) still has \d+ pending timers/),
        expect.stringMatching(/went to 'accepted'/),
        expect.stringMatching(/timer ghost:1:escalation:1 \(pending\) belongs to missing request ghost/),
        expect.stringMatching(/timeline entry orphan-entry .* belongs to missing request ghost/),
      ]),
    );
  });
});
