import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN311_ATTRIBUTES } from './stored-fields.js';
import { childText, readXml } from './__fixtures__/read-xml.js';
import { KEYS, open311World, type Open311World } from './__fixtures__/open311-world.js';

let world: Open311World;
beforeAll(async () => {
  world = await open311World();
});

type Errors = { code: number; description: string }[];

/** How many requests the demo office holds: a refused submission must not change it. */
async function requestCount(): Promise<number> {
  const system = world.community.as({ kind: 'system', officeId: world.office.id });
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await system.requests.list({ limit: 500, ...(cursor ? { cursor } : {}) });
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

const valid = { api_key: KEYS.city, service_code: 'equipment', 'attribute[kind]': '空调', address_string: '梦创园北门' };

describe('POST requests', () => {
  it('files a form-encoded request with attributes that the REST API then shows', async () => {
    const form: [string, string][] = [
      ['api_key', KEYS.city],
      ['jurisdiction_id', world.jurisdiction],
      ['service_code', 'equipment'],
      ['lat', '30.2741'],
      ['long', '120.1551'],
      ['address_string', '梦创园2号楼'],
      ['email', 'zhang.san@example.com'],
      ['first_name', '三'],
      ['last_name', '张'],
      ['phone', '13812345678'],
      ['device_id', 'tt222111'],
      ['account_id', '123456'],
      ['description', '2号楼电梯停运，影响员工上下班'],
      ['media_url', 'https://example.com/photos/1.jpg'],
      ['attribute[kind]', '电梯'],
      ['attribute[floors][]', '1F'],
      ['attribute[floors][]', '2F'],
      ['attribute[blocking]', 'true'],
      ['attribute[area]', '12.5'],
      ['attribute[note]', '早高峰'],
    ];
    const response = await world.open311('/requests.json', { form });
    expect(response.status).toBe(200);
    const created = (await response.json()) as Record<string, unknown>[];
    expect(created).toEqual([{ service_request_id: expect.any(String), service_notice: '5个工作日内答复。', account_id: '123456' }]);
    const id = created[0]!['service_request_id'] as string;

    const rest = await world.call(world.demo.stationHeadId, 'GET', `/api/requests/${id}`);
    expect(rest.status).toBe(200);
    const { request } = (await rest.json()) as { request: Record<string, unknown> };
    expect(request).toMatchObject({
      communityId: world.demo.communityId,
      channel: 'online',
      category: 'equipment',
      title: '2号楼电梯停运，影响员工上下班',
      description: '2号楼电梯停运，影响员工上下班',
      contact: { name: '张三', phone: '13812345678' },
      externalRef: { source: 'open311', id: expect.stringMatching(/^mc-city-app:/) },
      attributes: {
        kind: '电梯',
        floors: ['1F', '2F'],
        blocking: true,
        area: 12.5,
        note: '早高峰',
        [OPEN311_ATTRIBUTES.lat]: 30.2741,
        [OPEN311_ATTRIBUTES.long]: 120.1551,
        [OPEN311_ATTRIBUTES.address]: '梦创园2号楼',
        [OPEN311_ATTRIBUTES.email]: 'zhang.san@example.com',
        [OPEN311_ATTRIBUTES.deviceId]: 'tt222111',
        [OPEN311_ATTRIBUTES.accountId]: '123456',
        [OPEN311_ATTRIBUTES.mediaUrl]: 'https://example.com/photos/1.jpg',
      },
    });

    // What Open311 publishes of it carries none of the person's details.
    const published = await (await world.open311(`/requests/${id}.json?api_key=${KEYS.city}`)).text();
    expect(JSON.parse(published)[0]).toMatchObject({ lat: 30.2741, long: 120.1551, address: '梦创园2号楼', media_url: 'https://example.com/photos/1.jpg' });
    for (const personal of ['张三', '13812345678', 'zhang.san@example.com', 'tt222111', '123456']) expect(published).not.toContain(personal);
  });

  it('masks phone and ID numbers typed into the description when publishing it', async () => {
    const description = '请联系王经理 13912345678，身份证 33010619900101123X';
    const response = await world.open311('/requests.json', { form: { api_key: KEYS.city, service_code: 'policy', address_id: 'P01', description } });
    expect(response.status, await response.clone().text()).toBe(200);
    const id = ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const [published] = (await (await world.open311(`/requests/${id}.json?api_key=${KEYS.city}`)).json()) as { description: string }[];
    expect(published!.description).toBe('请联系王经理 139****5678，身份证 330106********123X');
  });

  it('places a request by address_id, a park or building code of the community', async () => {
    const response = await world.open311('/requests.json', { form: { api_key: KEYS.city, service_code: 'policy', address_id: 'P01', description: '咨询' } });
    const id = ((await response.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const system = world.community.as({ kind: 'system', officeId: world.office.id });
    const { request } = await system.requests.get(id);
    expect(request.parkId).toBe(world.demo.parkIds.get('P01'));
    const [published] = (await (await world.open311(`/requests/${id}.json?api_key=${KEYS.city}`)).json()) as Record<string, unknown>[];
    expect(published).toMatchObject({ address_id: 'P01', address: expect.any(String) });
  });

  it('answers in XML with <service_requests><request> and an empty <account_id/>', async () => {
    const response = await world.open311('/requests.xml', { form: valid });
    expect(response.status).toBe(200);
    const request = readXml(await response.text()).children[0]!;
    expect(request.children.map((c) => c.name)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(childText(request, 'account_id')).toBe('');
  });

  it('returns the same request for a retry with the same Idempotency-Key', async () => {
    const send = async () => ((await (await world.open311('/requests.json', { form: valid, headers: { 'idempotency-key': 'retry-1' } })).json()) as { service_request_id: string }[])[0]!.service_request_id;
    const first = await send();
    const before = await requestCount();
    expect(await send()).toBe(first);
    expect(await requestCount()).toBe(before);
  });
});

describe('POST requests with bad input', () => {
  const refused = async (form: Record<string, string> | [string, string][], status: number, path = '/requests.json', headers: Record<string, string> = {}): Promise<Errors> => {
    const before = await requestCount();
    const response = await world.open311(path, { form, headers });
    expect(response.status).toBe(status);
    const errors = (await response.json()) as Errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.code).toBe(status);
    expect(await requestCount()).toBe(before);
    return errors;
  };

  it('refuses a missing or unknown api_key with 403', async () => {
    const { api_key: _, ...withoutKey } = valid;
    expect((await refused(withoutKey, 403))[0]?.description).toMatch(/api_key is required/);
    expect((await refused({ ...valid, api_key: 'not-a-key' }, 403))[0]?.description).toMatch(/^Invalid api_key/);
  });

  it('refuses an unknown service_code with 404 and a missing one with 400', async () => {
    expect((await refused({ ...valid, service_code: 'potholes' }, 404))[0]?.description).toContain("service_code 'potholes' was not found");
    const { service_code: _, ...withoutCode } = valid;
    expect((await refused(withoutCode, 400)).map((e) => e.description)).toEqual([expect.stringMatching(/^service_code: /)]);
  });

  it('lists every attribute problem at once: missing required, unknown, off-list, not a number, several values for one', async () => {
    const errors = await refused(
      [
        ['api_key', KEYS.city],
        ['service_code', 'equipment'],
        ['address_string', '北门'],
        ['attribute[colour]', 'red'],
        ['attribute[floors][]', '9F'],
        ['attribute[blocking]', 'maybe'],
        ['attribute[area]', '12平方米'],
        ['attribute[note]', 'a'],
        ['attribute[note]', 'b'],
      ],
      400,
    );
    expect(errors.map((e) => e.description.split(':')[0])).toEqual(['attribute[colour]', 'attribute[kind]', 'attribute[floors]', 'attribute[blocking]', 'attribute[area]', 'attribute[note]']);
    expect(errors[1]?.description).toMatch(/required/);
  });

  it('refuses a form without a location, or with lat but no long', async () => {
    const { address_string: _, ...withoutPlace } = valid;
    expect((await refused(withoutPlace, 400))[0]?.description).toMatch(/^lat: A location is required/);
    expect((await refused({ ...withoutPlace, lat: '30.1' }, 400))[0]?.description).toMatch(/^long: Send lat and long together/);
    expect((await refused({ ...withoutPlace, lat: '91', long: '120' }, 400))[0]?.description).toMatch(/^lat: /);
    expect((await refused({ ...withoutPlace, address_id: 'P99' }, 400))[0]?.description).toMatch(/^address_id: /);
  });

  it('refuses bad contact fields and a description over 4,000 characters', async () => {
    const errors = await refused({ ...valid, email: 'not-mail', phone: 'call me', media_url: 'ftp://x/y', description: '长'.repeat(4001) }, 400);
    expect(errors.map((e) => e.description.split(':')[0]).sort()).toEqual(['description', 'email', 'media_url', 'phone']);
  });

  it('refuses a JSON body: GeoReport v2 submissions are forms', async () => {
    const before = await requestCount();
    const response = await world.server.fetch(
      new Request('http://kechuang.test/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEYS.city }, body: JSON.stringify(valid) }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Errors)[0]?.description).toMatch(/x-www-form-urlencoded/);
    expect(await requestCount()).toBe(before);
  });

  it('refuses a captain\'s key for a park that is not theirs with 403, and nothing is written', async () => {
    const otherPark = [...world.demo.parkIds.keys()].find((code) => code !== 'P01')!;
    expect((await refused({ ...valid, api_key: KEYS.captain, address_string: '', address_id: otherPark }, 403))[0]?.description).toMatch(/Captains may submit only/);
  });
});
