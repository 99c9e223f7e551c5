import { randomUUID } from 'node:crypto';
import type { LoadedDemo } from '@kechuang/demo';

/** What the smoke run needs to know about the running server. */
export interface SmokeRunContext {
  url: string;
  officeId: string;
  demo: LoadedDemo;
  open311Key: string;
}

/**
 * Calls each part of the API once, over real HTTP, and prints what came back; throws (so the
 * process exits non-zero) when an answer is not what the API promises.
 */
export async function smokeRun({ url, officeId, demo, open311Key }: SmokeRunContext): Promise<void> {
  const as = (memberId: string): Record<string, string> => ({ 'x-kechuang-dev-member': `${officeId}/${memberId}` });
  const expect = (what: string, ok: boolean, detail: string): void => {
    if (!ok) throw new Error(`smoke run: ${what} failed: ${detail}`);
    console.log(`  ✓ ${what}: ${detail}`);
  };

  const document = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, object> };
  const operations = Object.values(document.paths).reduce((n, path) => n + Object.keys(path).length, 0);
  expect('OpenAPI', document.openapi === '3.1.0', `${document.openapi}, ${operations} operations`);

  // Subscribe first, as the station head, then report as a park captain.
  const events = new AbortController();
  const stream = await fetch(`${url}/events`, { headers: as(demo.stationHeadId), signal: events.signal });
  expect('event stream', stream.status === 200, stream.headers.get('content-type') ?? '');
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  const body = { communityId: demo.communityId, parkId: demo.parkIds.get('P01')!, channel: 'captain_report', category: 'legal', title: '企业尾款无法收回', description: '40余个项目尾款未结' };
  const headers = { ...as(demo.captainIds.get('P01')!), 'content-type': 'application/json', 'idempotency-key': randomUUID() };
  const submitted = await fetch(`${url}/api/requests`, { method: 'POST', headers, body: JSON.stringify(body) });
  const request = (await submitted.json()) as { id: string; status: string; assigneeId: string | null };
  expect('submit', submitted.status === 201 && request.assigneeId === demo.lawyerId, `${submitted.status}, ${request.status}, assignee ${request.assigneeId === demo.lawyerId ? "the legal station's lawyer" : String(request.assigneeId)}`);
  const replay = await fetch(`${url}/api/requests`, { method: 'POST', headers, body: JSON.stringify(body) });
  expect('idempotent retry', replay.headers.get('idempotency-replayed') === 'true' && ((await replay.json()) as { id: string }).id === request.id, 'the same request, not a second one');

  let seen = '';
  const deadline = setTimeout(() => events.abort(), 10_000);
  while (!seen.includes('"type":"assigned"')) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) break;
    seen += value;
  }
  clearTimeout(deadline);
  events.abort();
  expect('live change', seen.includes(request.id) && seen.includes('"type":"assigned"'), 'submitted and assigned arrived on /events');

  const services = (await (await fetch(`${url}/open311/v2/services.json?api_key=${open311Key}`)).json()) as { service_code: string }[];
  expect('Open311 services', services.length > 0, services.map((s) => s.service_code).join(', '));
  const form = new URLSearchParams({ api_key: open311Key, service_code: 'policy', address_id: 'P01', description: '咨询高新技术企业认定政策' });
  const filed = await fetch(`${url}/open311/v2/requests.xml`, { method: 'POST', body: form });
  const xml = await filed.text();
  expect('Open311 POST (XML)', filed.status === 200 && xml.includes('<service_request_id>'), xml.slice(0, 120).replace(/\s+/g, ' '));

  const foreign = await fetch(`${url}/api/requests/${request.id}`, { headers: { 'x-kechuang-dev-member': `another-office/${demo.stationHeadId}` } });
  expect('unknown actor', foreign.status === 401, `${foreign.status} ${foreign.headers.get('content-type')}`);
}
