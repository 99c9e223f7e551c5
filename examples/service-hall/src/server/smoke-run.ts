/**
 * `npm start -- --smoke`: the checks CI runs against a started hall. The console's page and its
 * bundle load under the content policy, a captain signs in, reports a problem, and the station
 * head sees it arrive on the live event stream, finds the audit chain intact and reads the
 * duplicate check's verdict on the report through the plugins' routes.
 */
export interface SmokeRunOptions {
  url: string;
  officeId: string;
}

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`Smoke run failed: ${what}`);
}

interface DevMember {
  memberId: string;
  name: string;
  roles: string[];
}

export async function smokeRun({ url, officeId }: SmokeRunOptions): Promise<void> {
  const page = await fetch(url);
  const html = await page.text();
  check(page.status === 200 && html.includes('<div id="app">'), `GET / answered ${page.status}`);
  check(page.headers.get('content-security-policy')?.includes("script-src 'self'"), 'the console page has no content policy');
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  check(script, 'the console page names no script');
  const bundle = await fetch(new URL(script, url));
  check(bundle.status === 200 && (bundle.headers.get('content-type') ?? '').includes('javascript'), `the console bundle answered ${bundle.status}`);
  console.log(`  console       GET / ${page.status}, bundle ${script} ${bundle.status} (${(await bundle.arrayBuffer()).byteLength} bytes)`);

  const { members } = (await (await fetch(`${url}/dev/members`)).json()) as { members: DevMember[] };
  const captain = members.find((m) => m.roles.includes('captain'));
  const head = members.find((m) => m.roles.includes('station_head'));
  check(captain && head, 'the demo has no captain or station head to sign in as');
  const signIn = await fetch(`${url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ officeId, memberId: captain.memberId }) });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  check(signIn.status === 200 && cookie, `sign-in answered ${signIn.status}`);
  const me = (await (await fetch(`${url}/api/me`, { headers: { cookie } })).json()) as { member: { name: string; roles: { role: string; parkIds?: string[] }[] } | null };
  console.log(`  sign-in       ${captain.name} (captain), /api/me says ${me.member?.name ?? '(nobody)'}`);

  const controller = new AbortController();
  const events = await fetch(`${url}/events`, { headers: { 'x-kechuang-dev-member': `${officeId}/${head.memberId}` }, signal: controller.signal });
  check(events.status === 200 && events.body, `/events answered ${events.status}`);
  const reader = events.body.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  const readUntil = async (needle: string): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!seen.includes(needle)) {
      check(Date.now() < deadline, `no "${needle}" on /events within 10 s`);
      const { value, done } = await reader.read();
      check(!done, '/events ended early');
      seen += decoder.decode(value, { stream: true });
    }
  };
  await readUntil('event: ready');

  const parkId = me.member?.roles.find((r) => r.role === 'captain')?.parkIds?.[0];
  check(parkId, 'the captain looks after no park');
  const park = (await (await fetch(`${url}/api/parks/${parkId}`, { headers: { cookie } })).json()) as { communityId: string };
  const submitted = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    // Stamped, so that smoke runs on the same database are not refused as repeats of each other.
    body: JSON.stringify({ communityId: park.communityId, parkId, channel: 'captain_report', category: 'legal', title: `企业尾款无法收回（冒烟测试 ${new Date().toISOString()}）` }),
  });
  const request = (await submitted.json()) as { id: string; routing: { reason: string } | null };
  check(submitted.status === 201, `submit answered ${submitted.status}`);
  await readUntil(request.id);
  controller.abort();
  console.log(`  report        201 ${request.id}, routed: ${request.routing?.reason ?? '(not routed)'}; the station head saw it on /events`);

  const asHead = { 'x-kechuang-dev-member': `${officeId}/${head.memberId}` };
  const verified = await fetch(`${url}/api/plugins/audit-chain/verify`, { headers: asHead });
  const chain = (await verified.json()) as { ok?: boolean; entries?: number; problem?: { message: string } };
  check(verified.status === 200 && chain.ok === true && (chain.entries ?? 0) > 0, `the audit chain answered ${verified.status}: ${chain.problem?.message ?? JSON.stringify(chain)}`);
  const listed = await fetch(`${url}/api/plugins/duplicates/requests/${request.id}/duplicates`, { headers: asHead });
  const listing = (await listed.json()) as { decision?: string | null; duplicates?: unknown[] };
  check(listed.status === 200 && Array.isArray(listing.duplicates), `the duplicates route answered ${listed.status}`);
  console.log(`  plugins       audit chain intact (${chain.entries} ${chain.entries === 1 ? 'entry' : 'entries'}); duplicate check: ${listing.decision ?? 'no likely duplicate'}`);
  console.log('\nSmoke run passed.');
}
