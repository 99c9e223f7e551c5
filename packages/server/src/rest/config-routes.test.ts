import { mengchuangConfigText } from '@kechuang/demo';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, expectInvalid, expectProblem, otherDirectory, reply, type OtherDirectory } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let other: OtherDirectory;
let head: string;
beforeAll(async () => {
  world = await demoServer();
  other = await otherDirectory(world);
  head = world.demo.stationHeadId;
});

const yaml = { 'content-type': 'application/yaml' };
const history = async () => (await reply(await world.call(head, 'GET', '/api/config/history'))).body as unknown as { version: number }[];
const inForce = async () => (await reply(await world.call(head, 'GET', '/api/config'))).body as { version: number; config: Record<string, unknown> };

/** The demo config with one line replaced, and that line's 1-based number. */
function brokenYaml(find: string, replace: string): { text: string; line: number } {
  const text = mengchuangConfigText();
  const at = text.indexOf(find);
  expect(at).toBeGreaterThan(0);
  return { text: text.replace(find, replace), line: text.slice(0, at).split('\n').length };
}

describe('/api/config', () => {
  it('reads the config in force and its history, oldest first', async () => {
    const got = await reply(await world.call(world.p01.captainId, 'GET', '/api/config'));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ officeId: world.office.id, version: expect.any(Number), createdById: head });
    expect((got.body['config'] as { categories: { id: string }[] }).categories.map((c) => c.id)).toContain('legal');
    const versions = (await history()).map((c) => c.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(got.body['version']);
  });

  it('stores a YAML file and a JSON object as new versions', async () => {
    const start = (await inForce()).version;
    const fromYaml = await reply(await world.call(head, 'PUT', `/api/config?version=${start}`, mengchuangConfigText(), yaml));
    expect(fromYaml.status).toBe(200);
    expect(fromYaml.body['version']).toBe(start + 1);
    const asText = await reply(await world.call(head, 'PUT', '/api/config', mengchuangConfigText(), { 'content-type': 'text/yaml; charset=utf-8' }));
    expect(asText.body['version']).toBe(start + 2);
    const config = (await inForce()).config;
    const fromJson = await reply(await world.call(head, 'PUT', '/api/config', config));
    expect(fromJson.status).toBe(200);
    expect(fromJson.body).toMatchObject({ version: start + 3, config });
    expect((await history()).map((c) => c.version).slice(-3)).toEqual([start + 1, start + 2, start + 3]);
  });

  it('lists every problem of a YAML file with its line and column, and stores nothing', async () => {
    const before = await history();
    const { text, line } = brokenYaml('defaultSla: assistance', 'defaultSlaa: assistance');
    const got = await expectInvalid(await world.call(head, 'PUT', '/api/config', text, yaml), 'defaultSlaa');
    const issue = (got.body['issues'] as { path: string[]; line: number; column: number; suggestion?: string }[]).find((i) => i.path.join('.') === 'defaultSlaa')!;
    expect(issue).toMatchObject({ line, column: 1, suggestion: 'defaultSla' });
    expect(got.body['detail']).toContain(`kechuang.config.yaml:${line}:1`);

    const syntax = brokenYaml('  - id: legal', '  - id: [legal');
    const bad = await expectProblem(await world.call(head, 'PUT', '/api/config', syntax.text, yaml), 400, 'VALIDATION_FAILED');
    expect((bad.body['issues'] as { code: string; line: number }[])[0]).toMatchObject({ code: 'yaml_syntax', line: expect.any(Number) });

    const json = await expectProblem(await world.call(head, 'PUT', '/api/config', '{\n  "version": 1,\n  "portfolios": [\n}'), 400, 'VALIDATION_FAILED');
    expect((json.body['issues'] as { code: string; line: number }[])[0]).toMatchObject({ code: 'json_syntax', line: 4 });
    await expectInvalid(await world.call(head, 'PUT', '/api/config', { version: 1, routing: 'everything to me' }), 'routing');
    await expectInvalid(await world.call(head, 'PUT', '/api/config?version=latest', mengchuangConfigText(), yaml), 'query.version');
    await expectProblem(await world.call(head, 'PUT', '/api/config', 'version: 1', { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await history()).toEqual(before);
  });

  it('lets only the station head and office staff store one (403), and refuses a stale version (409)', async () => {
    const before = await history();
    for (const who of [world.p01.captainId, world.demo.lawyerId, world.demo.dispatcherIds[0]!]) {
      await expectProblem(await world.call(who, 'PUT', '/api/config', mengchuangConfigText(), yaml), 403, 'FORBIDDEN');
    }
    const stale = await expectProblem(await world.call(head, 'PUT', '/api/config?version=1', mengchuangConfigText(), yaml), 409, 'CONFLICT');
    expect(stale.body['details']).toMatchObject({ expectedVersion: 1, actualVersion: before.at(-1)!.version });
    expect(await history()).toEqual(before);
  });

  it("keeps each office's config to itself: the other office has none (404)", async () => {
    const current = await inForce();
    await expectHidden(await world.callOther(world.other.memberId, 'GET', '/api/config'), ['梦创', '法律服务', world.office.id]);
    const theirs = await reply(await world.callOther(world.other.memberId, 'GET', '/api/config/history'));
    expect(theirs.body).toEqual([]);
    // A config naming this office's members is refused there, without saying whose they are.
    const refused = await expectProblem(await world.callOther(world.other.memberId, 'PUT', '/api/config', mengchuangConfigText(), yaml), 400, 'VALIDATION_FAILED');
    expect(refused.text).not.toContain(world.office.id);
    expect((await inForce()).version).toBe(current.version);
  });
});

describe('POST /api/routing/explain', () => {
  const legal = () => ({ communityId: world.demo.communityId, enterpriseId: world.p01.enterpriseId, channel: 'phone', category: 'legal', title: '企业尾款无法收回' });

  it('explains a decision under the config in force, rule by rule, writing nothing', async () => {
    const requestsBefore = await reply(await world.call(head, 'GET', '/api/requests?limit=500'));
    const got = await reply(await world.call(world.p01.captainId, 'POST', '/api/routing/explain', legal()));
    expect(got.status).toBe(200);
    expect(got.body['configVersion']).toBe((await inForce()).version);
    expect((got.body['rules'] as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(got.body['decision'])).toContain(world.demo.lawyerId);
    expect((got.body['facts'] as { enterprise: { id: string } }).enterprise.id).toBe(world.p01.enterpriseId);
    expect((await reply(await world.call(head, 'GET', '/api/requests?limit=500'))).body).toEqual(requestsBefore.body);
  });

  it('explains under a draft config, as YAML text or an object, without storing it', async () => {
    const before = await history();
    const fromText = await reply(await world.call(head, 'POST', '/api/routing/explain', { ...legal(), config: mengchuangConfigText() }));
    expect(fromText.status).toBe(200);
    expect(fromText.body['configVersion']).toBe(0);
    const fromObject = await reply(await world.call(head, 'POST', '/api/routing/explain', { ...legal(), config: (await inForce()).config }));
    expect(fromObject.body['configVersion']).toBe(0);
    expect(fromObject.body['decision']).toEqual(fromText.body['decision']);
    expect(await history()).toEqual(before);
  });

  it('answers bad input, and a broken draft, with every issue', async () => {
    await expectInvalid(await world.call(head, 'POST', '/api/routing/explain', { communityId: world.demo.communityId, channel: 'fax', title: '' }), 'body.channel', 'body.title', 'body.category');
    await expectInvalid(await world.call(head, 'POST', '/api/routing/explain', { ...legal(), config: 42 }), 'body.config');
    const { text, line } = brokenYaml('defaultSla: assistance', 'defaultSla: nonesuch');
    const draft = await expectProblem(await world.call(head, 'POST', '/api/routing/explain', { ...legal(), config: text }), 400, 'VALIDATION_FAILED');
    expect((draft.body['issues'] as { path: string[]; line: number }[]).find((i) => i.path.join('.') === 'defaultSla')).toMatchObject({ line });
  });

  it("shows nothing of the other office's directory, and the other office nothing of this one", async () => {
    const got = await reply(await world.call(head, 'POST', '/api/routing/explain', { ...legal(), enterpriseId: other.enterpriseId, parkId: other.parkId }));
    expect(got.status).toBe(200);
    expect(got.body['facts']).toMatchObject({ enterprise: null, park: null });
    for (const secret of other.secrets) expect(got.text).not.toContain(secret);
    // The other office has no config: nothing to explain there, and nothing of this office's.
    await expectHidden(await world.callOther(world.other.memberId, 'POST', '/api/routing/explain', legal()), ['梦创', world.demo.lawyerId]);
  });
});
