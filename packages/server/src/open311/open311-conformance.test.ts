import { beforeAll, describe, expect, it } from 'vitest';
import { childText, names, readXml } from './__fixtures__/read-xml.js';
import { KEYS, open311World, type Open311World } from './__fixtures__/open311-world.js';

// Conformance with the GeoReport v2 spec's request and response examples: element and field
// names, their nesting and order, the list wrapping, status values, W3C date-times with an
// offset, the errors document, content types — in JSON and in XML.

let world: Open311World;
let openId: string;
let closedId: string;

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'text/xml; charset=utf-8';
const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
];
const key = `api_key=${KEYS.city}`;

async function submit(form: Record<string, string>): Promise<string> {
  const response = await world.open311('/requests.json', { form: { api_key: KEYS.city, ...form } });
  const body = (await response.json()) as { service_request_id: string }[];
  expect(response.status).toBe(200);
  return body[0]!.service_request_id;
}

beforeAll(async () => {
  world = await open311World();
  openId = await submit({ service_code: 'equipment', 'attribute[kind]': '电梯', address_id: 'P01', description: '2号楼电梯停运\n影响上下班' });
  closedId = await submit({ service_code: 'policy', lat: '30.2741', long: '120.1551', description: '咨询研发费用加计扣除' });
  // Work the second request around the loop, so that it is closed with an outcome note.
  const system = world.community.as({ kind: 'system', officeId: world.office.id });
  let request = (await system.requests.get(closedId)).request;
  if (request.status === 'submitted') request = await system.requests.assign({ requestId: closedId, assigneeId: world.demo.stationHeadId });
  const lead = world.community.as({ kind: 'member', officeId: world.office.id, memberId: request.assigneeId! });
  await lead.requests.accept({ requestId: closedId });
  await lead.requests.reply({ requestId: closedId, outcome: 'explained', note: '已电话说明加计扣除政策' });
  await system.requests.close({ requestId: closedId });
});

describe('GET services', () => {
  it('lists the categories as services in JSON, with the spec fields in order', async () => {
    const response = await world.open311(`/services.json?${key}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(JSON_TYPE);
    const services = (await response.json()) as Record<string, unknown>[];
    expect(Array.isArray(services)).toBe(true);
    for (const service of services) expect(Object.keys(service)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    const byCode = new Map(services.map((s) => [s['service_code'], s]));
    expect(byCode.get('legal')).toMatchObject({ service_name: '法律服务', metadata: true, type: 'realtime', group: null });
    expect(byCode.get('policy')).toMatchObject({ service_name: '政策咨询', metadata: false, group: '经济发展', description: '政策咨询：3个工作日内答复。' });
    expect(String(byCode.get('policy')?.['keywords'])).toContain('Policy questions');
  });

  it('speaks English when asked by locale or Accept-Language', async () => {
    const byQuery = (await (await world.open311(`/services.json?${key}&locale=en`)).json()) as Record<string, unknown>[];
    const byHeader = (await (await world.open311(`/services.json?${key}`, { headers: { 'accept-language': 'en-GB,en;q=0.9,zh-CN;q=0.5' } })).json()) as Record<string, unknown>[];
    for (const services of [byQuery, byHeader]) {
      expect(services.find((s) => s['service_code'] === 'policy')).toMatchObject({ service_name: 'Policy questions', group: 'Economic development' });
    }
  });

  it('answers the same list as <services><service>… in XML', async () => {
    const json = (await (await world.open311(`/services.json?${key}`)).json()) as Record<string, unknown>[];
    const response = await world.open311(`/services.xml?${key}`);
    expect(response.headers.get('content-type')).toBe(XML_TYPE);
    const root = readXml(await response.text());
    expect(root.name).toBe('services');
    expect(names(root)).toEqual(json.map(() => 'service'));
    const legal = root.children.find((s) => childText(s, 'service_code') === 'legal')!;
    expect(names(legal)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(childText(legal, 'metadata')).toBe('true');
    expect(childText(legal, 'type')).toBe('realtime');
  });
});

describe('GET a service definition', () => {
  it('maps every attribute type to a GeoReport datatype, in JSON', async () => {
    const response = await world.open311(`/services/equipment.json?${key}`);
    expect(response.status).toBe(200);
    const definition = (await response.json()) as { service_code: string; attributes: Record<string, unknown>[] };
    expect(Object.keys(definition)).toEqual(['service_code', 'attributes']);
    expect(definition.service_code).toBe('equipment');
    expect(definition.attributes.map((a) => [a['code'], a['datatype'], a['required'], a['order']])).toEqual([
      ['kind', 'singlevaluelist', true, 1],
      ['floors', 'multivaluelist', false, 2],
      ['blocking', 'singlevaluelist', false, 3],
      ['area', 'number', false, 4],
      ['note', 'string', false, 5],
    ]);
    const [kind, , blocking, , note] = definition.attributes;
    expect(Object.keys(kind!)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    expect(kind).toMatchObject({ variable: true, description: '设备类型', values: [{ key: '电梯', name: '电梯' }, { key: '空调', name: '空调' }, { key: '门禁', name: '门禁' }] });
    expect(blocking!['values']).toEqual([{ key: 'true', name: '是' }, { key: 'false', name: '否' }]);
    expect(note).toMatchObject({ datatype_description: null });
    expect(note).not.toHaveProperty('values');
  });

  it('nests <service_definition><attributes><attribute><values><value> in XML', async () => {
    const root = readXml(await (await world.open311(`/services/equipment.xml?${key}&locale=en`)).text());
    expect(root.name).toBe('service_definition');
    expect(names(root)).toEqual(['service_code', 'attributes']);
    const attributes = root.children[1]!;
    expect(names(attributes)).toEqual(['attribute', 'attribute', 'attribute', 'attribute', 'attribute']);
    const kind = attributes.children[0]!;
    expect(names(kind)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    expect(childText(kind, 'description')).toBe('Kind of equipment');
    const values = kind.children.find((c) => c.name === 'values')!;
    expect(names(values)).toEqual(['value', 'value', 'value']);
    expect(names(values.children[0]!)).toEqual(['key', 'name']);
    const note = attributes.children[4]!;
    expect(note.children.find((c) => c.name === 'datatype_description')?.children).toEqual([]);
    expect(childText(note, 'datatype_description')).toBe('');
  });

  it('answers an unknown service_code with a 404 errors document, in both formats', async () => {
    const json = await world.open311(`/services/nope.json?${key}`);
    expect(json.status).toBe(404);
    const errors = (await json.json()) as { code: number; description: string }[];
    expect(errors).toEqual([{ code: 404, description: expect.stringContaining("service_code 'nope' was not found") }]);
    const xml = await world.open311(`/services/nope.xml?${key}`);
    expect(xml.status).toBe(404);
    expect(xml.headers.get('content-type')).toBe(XML_TYPE);
    const root = readXml(await xml.text());
    expect(root.name).toBe('errors');
    expect(names(root)).toEqual(['error']);
    expect(names(root.children[0]!)).toEqual(['code', 'description']);
    expect(childText(root.children[0]!, 'code')).toBe('404');
  });
});

describe('GET requests', () => {
  it('publishes each request with the spec fields, statuses and W3C date-times with the office offset', async () => {
    const response = await world.open311(`/requests.json?${key}&service_request_id=${openId},${closedId}`);
    expect(response.status).toBe(200);
    const [open, closed] = (await response.json()) as Record<string, unknown>[];
    for (const request of [open!, closed!]) {
      expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
      expect(request['requested_datetime']).toMatch(W3C_WITH_OFFSET);
      expect(request['updated_datetime']).toMatch(W3C_WITH_OFFSET);
      expect(request['zipcode']).toBeNull();
    }
    expect(open).toMatchObject({
      service_request_id: openId,
      status: 'open',
      status_notes: null,
      service_name: '设备报修',
      service_code: 'equipment',
      description: '2号楼电梯停运\n影响上下班',
      service_notice: '5个工作日内答复。',
      address_id: 'P01',
      lat: null,
      long: null,
      media_url: null,
    });
    expect(open!['expected_datetime']).toMatch(W3C_WITH_OFFSET);
    expect(open!['address']).toEqual(expect.any(String));
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已电话说明加计扣除政策', service_code: 'policy', lat: 30.2741, long: 120.1551, agency_responsible: '经济发展' });
  });

  it('names the unit handling a request — a team, else the portfolio, else the office — never a person', async () => {
    const legal = await submit({ service_code: 'legal', 'attribute[amount]': '120000', address_id: 'P01', description: '尾款无法收回' });
    const [published] = (await (await world.open311(`/requests/${legal}.json?${key}`)).json()) as Record<string, unknown>[];
    expect(published!['agency_responsible']).toBe('公共法律服务驿站');
    const [open] = (await (await world.open311(`/requests/${openId}.json?${key}`)).json()) as Record<string, unknown>[];
    expect(open!['agency_responsible']).toBe('综合治理');
    const other = await submit({ service_code: 'other', address_string: '北门' });
    const [fallback] = (await (await world.open311(`/requests/${other}.json?${key}&locale=en`)).json()) as Record<string, unknown>[];
    expect(fallback!['agency_responsible']).toBe(world.office.name);
  });

  it('filters by status, service_code and date range', async () => {
    const ids = async (query: string) => ((await (await world.open311(`/requests.json?${key}&${query}`)).json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
    expect(await ids('status=open')).toContain(openId);
    expect(await ids('status=open')).not.toContain(closedId);
    expect(await ids('status=closed')).toEqual([closedId]);
    expect(await ids('status=open,closed')).toEqual(expect.arrayContaining([openId, closedId]));
    expect(await ids('service_code=policy,party')).toEqual([closedId]);
    expect(await ids('start_date=2099-01-01T00:00:00Z')).toEqual([]);
    expect(await ids(`end_date=${encodeURIComponent('2000-01-01T00:00:00+08:00')}`)).toEqual([]);
    expect(await ids(`start_date=${new Date(Date.now() - 3_600_000).toISOString()}&end_date=${new Date(Date.now() + 3_600_000).toISOString()}`)).toEqual(
      expect.arrayContaining([openId, closedId]),
    );
  });

  it('refuses a range over 90 days, a date without a zone and an unknown status with 400s', async () => {
    const response = await world.open311(`/requests.json?${key}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z&status=pending`);
    expect(response.status).toBe(400);
    const errors = (await response.json()) as { code: number; description: string }[];
    expect(errors.map((e) => e.code)).toEqual([400, 400]);
    expect(errors.map((e) => e.description)).toEqual([expect.stringMatching(/^end_date: .*90 days/), expect.stringMatching(/^status: 'pending'/)]);
    const zoneless = await world.open311(`/requests.json?${key}&start_date=2026-01-01T00:00:00`);
    expect(zoneless.status).toBe(400);
  });

  it('answers <service_requests><request>… in XML, one element per request', async () => {
    const response = await world.open311(`/requests.xml?${key}&service_request_id=${openId},${closedId}`);
    expect(response.headers.get('content-type')).toBe(XML_TYPE);
    const root = readXml(await response.text());
    expect(root.name).toBe('service_requests');
    expect(names(root)).toEqual(['request', 'request']);
    expect(names(root.children[0]!)).toEqual(REQUEST_FIELDS);
    expect(childText(root.children[1]!, 'status')).toBe('closed');
    expect(childText(root.children[1]!, 'lat')).toBe('30.2741');
  });
});

describe('GET a request', () => {
  it('answers one request as a one-element list, in JSON and XML', async () => {
    const json = (await (await world.open311(`/requests/${closedId}.json?${key}`)).json()) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ service_request_id: closedId, status: 'closed' });
    const root = readXml(await (await world.open311(`/requests/${openId}.xml?${key}&locale=en`)).text());
    expect(root.name).toBe('service_requests');
    expect(names(root)).toEqual(['request']);
    expect(childText(root.children[0]!, 'service_name')).toBe('Equipment repair');
    expect(childText(root.children[0]!, 'service_notice')).toBe('Answered within 5 working days.');
  });

  it('escapes markup and drops characters XML forbids from what clients sent', async () => {
    const id = await submit({ service_code: 'policy', address_string: '梦创园 <B座> & "北门"', description: 'Tom\u0001 & <Jerry>' });
    const text = await (await world.open311(`/requests/${id}.xml?${key}`)).text();
    const request = readXml(text).children[0]!;
    expect(childText(request, 'description')).toBe('Tom & <Jerry>');
    expect(childText(request, 'address')).toBe('梦创园 <B座> & "北门"');
    expect(text).not.toContain('\u0001');
  });
});

describe('errors', () => {
  it('wraps errors as [{code, description}] in JSON and <errors><error> in XML, with the status the spec gives', async () => {
    const json = await world.open311('/requests.json', { form: { service_code: 'policy', address_string: '北门' } });
    expect(json.status).toBe(403);
    expect(json.headers.get('content-type')).toBe(JSON_TYPE);
    expect(await json.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const xml = await world.open311('/requests.xml', { form: { api_key: 'wrong', service_code: 'policy', address_string: '北门' } });
    expect(xml.status).toBe(403);
    const error = readXml(await xml.text()).children[0]!;
    expect(childText(error, 'code')).toBe('403');
    expect(childText(error, 'description')).toMatch(/^Invalid api_key/);
  });

  it('answers a resource Open311 does not have with a 404 errors document', async () => {
    for (const path of ['/services.csv', '/tokens/1.json', '/requests/abc']) {
      const response = await world.open311(`${path}?${key}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: number }[])[0]?.code).toBe(404);
    }
  });
});
