import { createCreditCodeFactory, createRandom } from '@kechuang/demo';
import { expect } from 'vitest';
import type { DemoServer } from './demo-server.js';

/** A response read as JSON, with its status and media type. */
export interface JsonReply {
  status: number;
  type: string | null;
  body: Record<string, unknown>;
  text: string;
}

export async function reply(response: Response): Promise<JsonReply> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (a report, an empty body): the text is still there to assert on.
  }
  return { status: response.status, type: response.headers.get('content-type'), body, text };
}

/** The only keys a problem body may have. */
const PROBLEM_KEYS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'issues', 'details'];

/** Asserts `response` is an RFC 9457 problem with this status and code, and returns it. */
export async function expectProblem(response: Response, status: number, code: string): Promise<JsonReply> {
  const got = await reply(response);
  expect({ status: got.status, code: got.body['code'] }).toEqual({ status, code });
  expect(got.type).toBe('application/problem+json');
  for (const key of Object.keys(got.body)) expect(PROBLEM_KEYS).toContain(key);
  return got;
}

/** A 400 VALIDATION_FAILED naming (at least) these issue paths, e.g. `body.name`. */
export async function expectInvalid(response: Response, ...paths: string[]): Promise<JsonReply> {
  const got = await expectProblem(response, 400, 'VALIDATION_FAILED');
  const issues = got.body['issues'] as { path: (string | number)[] }[] | undefined;
  expect(issues?.length ?? 0).toBeGreaterThan(0);
  expect(issues!.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(paths));
  return got;
}

/**
 * A 404 that gives nothing away: a bare problem, with none of `secrets` (names and codes of
 * the other office's records) anywhere in it.
 */
export async function expectHidden(response: Response, secrets: readonly string[]): Promise<JsonReply> {
  const got = await expectProblem(response, 404, 'NOT_FOUND');
  // At most the kind of record asked for: never its id, office or fields.
  for (const key of Object.keys((got.body['details'] as object | undefined) ?? {})) expect(key).toBe('model');
  for (const secret of secrets) expect(got.text).not.toContain(secret);
  return got;
}

/** Records in the other office, to attack from the demo office (and the other way round). */
export interface OtherDirectory {
  communityId: string;
  parkId: string;
  buildingId: string;
  enterpriseId: string;
  teamId: string;
  memberId: string;
  /** Names and codes that must never reach a caller of the demo office. */
  secrets: string[];
}

/** Valid credit codes the demo directory does not use (another seed than the demo's). */
export function freshCreditCodes(seed: number): () => string {
  const factory = createCreditCodeFactory(createRandom(seed));
  return () => factory.next();
}

/** A park, building, enterprise and team in the other office, besides its community and member. */
export async function otherDirectory(world: DemoServer): Promise<OtherDirectory> {
  const system = world.community.as({ kind: 'system', officeId: world.other.office.id });
  const park = await system.parks.create({ communityId: world.other.communityId, code: 'LZ-P1', name: '良渚秘密园区' });
  const building = await system.buildings.create({ parkId: park.id, code: 'LZ-P1-B1', name: '良渚秘密大楼' });
  const creditCode = freshCreditCodes(77)();
  const enterprise = await system.enterprises.create({ creditCode, name: '良渚秘密科技有限公司', communityId: world.other.communityId, parkId: park.id });
  const team = await system.teams.create({ code: 'LZ-T1', name: '良渚秘密服务队' });
  return {
    communityId: world.other.communityId,
    parkId: park.id,
    buildingId: building.id,
    enterpriseId: enterprise.id,
    teamId: team.id,
    memberId: world.other.memberId,
    secrets: ['良渚', 'LZ-', '王站长', creditCode],
  };
}
