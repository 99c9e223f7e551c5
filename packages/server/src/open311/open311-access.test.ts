import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer } from '../__fixtures__/demo-server.js';
import { KEYS, open311World, type Open311World } from './__fixtures__/open311-world.js';

// Who may read and submit over Open311, and that nothing of another office — nor of what the
// caller may not see — leaks through it.

let world: Open311World;
let p01Id: string;
let elsewhereId: string;

type Errors = { code: number; description: string }[];
const ids = async (response: Response): Promise<string[]> => ((await response.json()) as { service_request_id: string }[]).map((r) => r.service_request_id);

beforeAll(async () => {
  world = await open311World();
  const submit = async (addressId: string): Promise<string> => {
    const response = await world.open311('/requests.json', { form: { api_key: KEYS.city, service_code: 'policy', address_id: addressId, description: `来自${addressId}的咨询` } });
    return ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
  };
  p01Id = await submit('P01');
  elsewhereId = await submit([...world.demo.parkIds.keys()].find((code) => code !== 'P01')!);
});

describe('who reads', () => {
  it('refuses a read without any credentials with 403 in the spec format', async () => {
    const response = await world.open311('/services.json');
    expect(response.status).toBe(403);
    expect(((await response.json()) as Errors)[0]).toEqual({ code: 403, description: expect.stringContaining('api_key') });
  });

  it('lets a signed-in member of the office read without a key', async () => {
    const response = await world.call(world.demo.stationHeadId, 'GET', '/open311/v2/requests.json');
    expect(response.status).toBe(200);
    expect(await ids(response)).toEqual(expect.arrayContaining([p01Id, elsewhereId]));
  });

  it('refuses a wrong key even from a signed-in member: a key that is sent must be valid', async () => {
    const response = await world.call(world.demo.stationHeadId, 'GET', '/open311/v2/services.json?api_key=wrong');
    expect(response.status).toBe(403);
    expect(((await response.json()) as Errors)[0]?.description).toMatch(/^Invalid api_key/);
  });

  it('accepts the key as the X-API-Key header too', async () => {
    expect((await world.open311('/services.json', { headers: { 'x-api-key': KEYS.city } })).status).toBe(200);
  });

  it("shows a key only what its actor may see: a captain's key sees its park's requests", async () => {
    const listed = await ids(await world.open311(`/requests.json?api_key=${KEYS.captain}`));
    expect(listed).toContain(p01Id);
    expect(listed).not.toContain(elsewhereId);
    const hidden = await world.open311(`/requests/${elsewhereId}.json?api_key=${KEYS.captain}`);
    expect(hidden.status).toBe(404);
    expect(await ids(await world.open311(`/requests.json?api_key=${KEYS.captain}&service_request_id=${elsewhereId},${p01Id}`))).toEqual([p01Id]);
  });
});

describe('another office', () => {
  it("cannot read this office's request with its key: 404 and no data", async () => {
    const response = await world.open311(`/requests/${p01Id}.json?api_key=${KEYS.other}`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('来自P01');
    expect(await ids(await world.open311(`/requests.json?api_key=${KEYS.other}&service_request_id=${p01Id}`))).toEqual([]);
    expect(await ids(await world.open311(`/requests.json?api_key=${KEYS.other}`))).toEqual([world.other.requestId]);
  });

  it("treats the other office's community code as an unknown jurisdiction_id, both ways", async () => {
    for (const [key, code] of [
      [KEYS.city, world.otherJurisdiction],
      [KEYS.other, world.jurisdiction],
    ] as const) {
      const read = await world.open311(`/requests.json?api_key=${key}&jurisdiction_id=${code}`);
      expect(read.status).toBe(404);
      expect(((await read.json()) as Errors)[0]?.description).toContain(`jurisdiction_id '${code}' was not found`);
      const write = await world.open311('/requests.json', { form: { api_key: key, jurisdiction_id: code, service_code: 'policy', address_string: '北门' } });
      expect(write.status).toBe(404);
    }
  });

  it("cannot read the other office's request with this office's key", async () => {
    const response = await world.open311(`/requests/${world.other.requestId}.xml?api_key=${KEYS.city}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('人才政策');
  });
});

describe('jurisdictions and mounting', () => {
  it('needs jurisdiction_id once the office serves several communities', async () => {
    const system = world.community.as({ kind: 'system', officeId: world.office.id });
    const second = await system.communities.create({ code: 'MC2', name: '梦创二社区' });
    const without = await world.open311(`/requests.json?api_key=${KEYS.city}`);
    expect(without.status).toBe(400);
    expect(((await without.json()) as Errors)[0]?.description).toMatch(/^jurisdiction_id: /);
    expect(await ids(await world.open311(`/requests.json?api_key=${KEYS.city}&jurisdiction_id=MC2`))).toEqual([]);
    expect(await ids(await world.open311(`/requests.json?api_key=${KEYS.city}&jurisdiction_id=${world.jurisdiction}`))).toContain(p01Id);
    // A request of one community is not found under another's jurisdiction.
    expect((await world.open311(`/requests/${p01Id}.json?api_key=${KEYS.city}&jurisdiction_id=MC2`)).status).toBe(404);
    await system.communities.archive({ id: second.id });
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await (await world.call(null, 'GET', '/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/open311/v2/services.{format}', '/open311/v2/services/{service_code}.{format}', '/open311/v2/requests.{format}', '/open311/v2/requests/{service_request_id}.{format}']),
    );
  });

  it('is not mounted with open311: false', async () => {
    const plain = await demoServer({ open311: false });
    const response = await plain.call(plain.demo.stationHeadId, 'GET', '/open311/v2/services.json');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('takes no submissions when the server has no API keys', async () => {
    const plain = await demoServer();
    const response = await plain.server.fetch(
      new Request('http://kechuang.test/open311/v2/requests.json', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ api_key: KEYS.city, service_code: 'policy', address_string: '北门' }).toString(),
      }),
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as Errors)[0]?.description).toMatch(/issues no Open311 API keys/);
  });

  it('limits submissions per key when a rate limit is set', async () => {
    const limited = await open311World({ rateLimit: { max: 1, windowMs: 60_000 } });
    const send = () => limited.open311('/requests.json', { form: { api_key: KEYS.city, service_code: 'policy', address_string: '北门' } });
    expect((await send()).status).toBe(200);
    const second = await send();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await second.json()) as Errors)[0]?.code).toBe(429);
  });

  it('answers a body over the server limit in the spec format too', async () => {
    const small = await open311World({ limits: { bodyBytes: 512 } });
    const response = await small.open311('/requests.xml', { form: { api_key: KEYS.city, service_code: 'policy', address_string: '北门', description: '长'.repeat(400) } });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toMatch(/<errors><error><code>413<\/code><description>/);
  });
});
