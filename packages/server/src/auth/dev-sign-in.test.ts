import { createCommunity, memoryStorage } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { devSignIn } from './dev-sign-in.js';

let world: DemoServer;
beforeAll(async () => {
  world = await demoServer();
});

const post = (path: string, body: unknown, cookie?: string) =>
  world.server.fetch(new Request(`http://kechuang.test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) }));
const get = (path: string, cookie?: string) => world.server.fetch(new Request(`http://kechuang.test${path}`, { headers: cookie ? { cookie } : {} }));

describe('development sign-in', () => {
  it('refuses to start under NODE_ENV=production', () => {
    const community = createCommunity({ storage: memoryStorage() });
    expect(() => devSignIn({ community, officeIds: [], environment: 'production' })).toThrow(/NODE_ENV=production/);
  });

  it('lists the members to pick from, signs in with a signed cookie, and signs out', async () => {
    const list = (await (await get('/dev/members')).json()) as { warning: string; members: { memberId: string; name: string }[] };
    expect(list.warning).toMatch(/no passwords/i);
    expect(list.members.some((m) => m.memberId === world.demo.lawyerId)).toBe(true);
    const signIn = await post('/dev/sign-in', { officeId: world.office.id, memberId: world.demo.lawyerId });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(signIn.headers.get('set-cookie')).toContain('HttpOnly');
    expect((await get('/api/requests', cookie)).status).toBe(200);
    // A forged cookie naming someone else is not accepted.
    const forged = cookie.replace(world.demo.lawyerId, world.demo.stationHeadId);
    expect((await get('/api/requests', forged)).status).toBe(401);
    const signOut = await post('/dev/sign-out', {}, cookie);
    expect(signOut.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('refuses members it does not know, and offices it was not given', async () => {
    expect((await post('/dev/sign-in', { officeId: world.office.id, memberId: 'nobody' })).status).toBe(400);
    const community = createCommunity({ storage: memoryStorage() });
    const dev = devSignIn({ community, officeIds: [] });
    expect(await dev.resolve(new Request('http://x/', { headers: { 'x-kechuang-dev-member': `${world.office.id}/${world.demo.lawyerId}` } }))).toBeNull();
  });

  it('answers 401 with a hint when no one is signed in', async () => {
    const response = await get('/api/requests');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toContain('/dev/sign-in');
  });
});
