import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingStorage } from '../__fixtures__/counting-storage.js';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { memoryStorage } from '../storage/memory-storage.js';

/**
 * Every public command, given bad input, fails with a typed error and writes nothing.
 */

let fx: SmallOffice;
let storage: ReturnType<typeof countingStorage>;
let requestId: string;

beforeAll(async () => {
  storage = countingStorage(memoryStorage());
  fx = await smallOffice({ storage });
  requestId = (await fx.system.requests.submit(submission(fx))).id;
});

type Call = (input: never) => Promise<unknown>;

function commands(): Record<string, Call> {
  const s = fx.system;
  const r = s.requests;
  return {
    'offices.create': fx.community.offices.create as Call,
    'offices.archive': fx.community.offices.archive as Call,
    'communities.create': s.communities.create as Call,
    'communities.update': s.communities.update as Call,
    'communities.archive': s.communities.archive as Call,
    'parks.create': s.parks.create as Call,
    'parks.update': s.parks.update as Call,
    'parks.archive': s.parks.archive as Call,
    'buildings.create': s.buildings.create as Call,
    'buildings.update': s.buildings.update as Call,
    'buildings.archive': s.buildings.archive as Call,
    'enterprises.create': s.enterprises.create as Call,
    'enterprises.update': s.enterprises.update as Call,
    'enterprises.archive': s.enterprises.archive as Call,
    'teams.create': s.teams.create as Call,
    'teams.update': s.teams.update as Call,
    'teams.archive': s.teams.archive as Call,
    'members.create': s.members.create as Call,
    'members.update': s.members.update as Call,
    'members.archive': s.members.archive as Call,
    'visits.record': s.visits.record as Call,
    'config.update': s.config.update as Call,
    'routing.explain': s.routing.explain as Call,
    'requests.submit': r.submit as Call,
    'requests.assign': r.assign as Call,
    'requests.reassign': r.reassign as Call,
    'requests.accept': r.accept as Call,
    'requests.return': r.return as Call,
    'requests.redispatch': r.redispatch as Call,
    'requests.overruleReturn': r.overruleReturn as Call,
    'requests.start': r.start as Call,
    'requests.pause': r.pause as Call,
    'requests.resume': r.resume as Call,
    'requests.reply': r.reply as Call,
    'requests.note': r.note as Call,
    'requests.addAssist': r.addAssist as Call,
    'requests.signAssist': r.signAssist as Call,
    'requests.contribute': r.contribute as Call,
    'requests.followUp': r.followUp as Call,
    'requests.close': r.close as Call,
    'requests.merge': r.merge as Call,
    'requests.withdraw': r.withdraw as Call,
    'requests.requestExtension': r.requestExtension as Call,
    'requests.decideExtension': r.decideExtension as Call,
    'requests.supervise': r.supervise as Call,
    'requests.transition': r.transition as Call,
  };
}

/** Hand-written bad inputs: each has at least two problems, and all must be reported. */
function badInputs(): Record<string, { input: unknown; paths: string[] }> {
  const t = { requestId };
  return {
    'offices.create': { input: { code: '仓 前', name: '' }, paths: ['code', 'name'] },
    'offices.archive': { input: { id: '', version: 0 }, paths: ['id', 'version'] },
    'communities.create': { input: { code: '', name: 1 }, paths: ['code', 'name'] },
    'communities.update': { input: { id: 'x', name: '', colour: 'red' }, paths: ['name', ''] },
    'communities.archive': { input: { version: -1 }, paths: ['id', 'version'] },
    'parks.create': { input: { communityId: 3, code: 'P 1', name: 'x', kind: 'zoo' }, paths: ['communityId', 'code', 'kind'] },
    'parks.update': { input: { id: 'x', kind: 'zoo', address: 5 }, paths: ['kind', 'address'] },
    'parks.archive': { input: {}, paths: ['id'] },
    'buildings.create': { input: { parkId: '', code: '', name: 'x', floors: -2 }, paths: ['parkId', 'code', 'floors'] },
    'buildings.update': { input: { id: 'x', floors: 1.5, name: '' }, paths: ['floors', 'name'] },
    'buildings.archive': { input: { id: 5 }, paths: ['id'] },
    'enterprises.create': { input: { creditCode: '91330110MA2H3QXG0Y', name: '', communityId: fx.mc.id, size: 'huge' }, paths: ['creditCode', 'name', 'size'] },
    'enterprises.update': { input: { id: 'x', tags: 'a', size: 'huge' }, paths: ['tags', 'size'] },
    'enterprises.archive': { input: { id: null }, paths: ['id'] },
    'teams.create': { input: { code: '', name: '' }, paths: ['code', 'name'] },
    'teams.update': { input: { id: 'x', name: '', kind: '' }, paths: ['name', 'kind'] },
    'teams.archive': { input: { id: '' }, paths: ['id'] },
    'members.create': { input: { code: 'M1', name: '张三', mobile: '12345', roles: [{ role: 'captain', parkIds: [] }] }, paths: ['mobile', 'roles.0.parkIds'] },
    'members.update': { input: { id: 'x', status: 'gone', email: 'not-mail' }, paths: ['status', 'email'] },
    'members.archive': { input: { id: 'x', version: 'one' }, paths: ['version'] },
    'visits.record': { input: { enterpriseId: '', requests: [{ title: '' }] }, paths: ['enterpriseId', 'requests.0.title', 'requests.0.category'] },
    'config.update': { input: { portfolios: [{ id: 'Bad Id' }], routing: { rules: [] } }, paths: ['portfolios.0.id', 'portfolios.0.labels', 'routing.fallback'] },
    'routing.explain': { input: { communityId: '', channel: 'fax' }, paths: ['communityId', 'channel', 'category', 'title'] },
    'requests.submit': { input: { ...submission(fx), channel: 'fax', title: '', attachments: [{ name: 'a', mediaType: 'x', size: -1, sha256: 'z', uri: '' }] }, paths: ['channel', 'title', 'attachments.0.mediaType', 'attachments.0.size', 'attachments.0.sha256', 'attachments.0.uri'] },
    'requests.assign': { input: { ...t, assigneeId: '', version: 0 }, paths: ['assigneeId', 'version'] },
    'requests.reassign': { input: { ...t, assigneeId: 'm', reason: '' }, paths: ['reason'] },
    'requests.accept': { input: { requestId: '', extra: 1 }, paths: ['requestId', ''] },
    'requests.return': { input: { ...t, reason: 'x', suggestedOwnerId: 5 }, paths: ['reason', 'suggestedOwnerId'] },
    'requests.redispatch': { input: { ...t, assigneeId: '', teamId: 3 }, paths: ['assigneeId', 'teamId'] },
    'requests.overruleReturn': { input: { ...t, reason: '' }, paths: ['reason'] },
    'requests.start': { input: { ...t, version: 1.5 }, paths: ['version'] },
    'requests.pause': { input: { ...t }, paths: ['reason'] },
    'requests.resume': { input: { ...t, note: 7 }, paths: ['note'] },
    'requests.reply': { input: { ...t, outcome: 'done', note: '' }, paths: ['outcome', 'note'] },
    'requests.note': { input: { ...t, text: '', attachments: 'none' }, paths: ['text', 'attachments'] },
    'requests.addAssist': { input: { ...t }, paths: ['memberId'] },
    'requests.signAssist': { input: { version: 'x' }, paths: ['requestId', 'version'] },
    'requests.contribute': { input: { ...t, text: '' }, paths: ['text'] },
    'requests.followUp': { input: { ...t, rating: 'great' }, paths: ['rating'] },
    'requests.close': { input: { ...t, note: false }, paths: ['note'] },
    'requests.merge': { input: { ...t }, paths: ['duplicateOfId'] },
    'requests.withdraw': { input: { ...t, reason: '' }, paths: ['reason'] },
    'requests.requestExtension': { input: { ...t, workingDays: 0, reason: '' }, paths: ['workingDays', 'reason'] },
    'requests.decideExtension': { input: { ...t, approve: 'yes' }, paths: ['approve'] },
    'requests.supervise': { input: { ...t, note: 3, extra: true }, paths: ['note', ''] },
    'requests.transition': { input: { ...t, name: '', note: 4 }, paths: ['name', 'note'] },
  };
}

describe('bad input at every public command', () => {
  it('has a bad-input case for every command, and covers every request command the API has', () => {
    expect(Object.keys(badInputs()).sort()).toEqual(Object.keys(commands()).sort());
    const api = Object.keys(fx.system.requests).filter((k) => !['get', 'list'].includes(k));
    expect(api.map((k) => `requests.${k}`).sort()).toEqual(Object.keys(commands()).filter((k) => k.startsWith('requests.')).sort());
  });

  it('reports every problem with its path as VALIDATION_FAILED, and writes nothing', async () => {
    const calls = commands();
    for (const [name, { input, paths }] of Object.entries(badInputs())) {
      const before = storage.writes();
      const error = await calls[name]!(input as never).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isKechuangError(error, 'VALIDATION_FAILED'), `${name} should fail validation`).toBe(true);
      if (!isKechuangError(error)) continue;
      const reported = (error.details.issues ?? []).map((i) => i.path.join('.'));
      for (const path of paths) expect(reported, `${name} should report ${path || '(unknown key)'}`).toContain(path);
      expect(storage.writes(), `${name} must not write`).toBe(before);
    }
  });

  it('random junk never crashes a command and never writes (fuzz)', async () => {
    const calls = Object.entries(commands());
    await fc.assert(
      fc.asyncProperty(fc.nat(calls.length - 1), fc.anything(), async (i, junk) => {
        const [name, call] = calls[i]!;
        const before = storage.writes();
        const error = await call(junk as never).then(
          () => null,
          (e: unknown) => e,
        );
        expect(isKechuangError(error), `${name} must fail with a typed error`).toBe(true);
        if (isKechuangError(error)) expect(['VALIDATION_FAILED', 'NOT_FOUND']).toContain(error.code);
        expect(storage.writes()).toBe(before);
      }),
      { numRuns: 2000 },
    );
  });
});
