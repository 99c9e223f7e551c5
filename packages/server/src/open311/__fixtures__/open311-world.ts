import { sha256Hex, type Actor, type OfficeConfigInput } from '@kechuang/community';
import { apiKeys, type ApiKeys } from '../../auth/api-keys.js';
import { firstActor } from '../../auth/actor-resolver.js';
import { demoServer, type DemoServer } from '../../__fixtures__/demo-server.js';
import type { ServerOptions } from '../../server-options.js';

/** The keys the Open311 tests present: the demo office's system, its P01 captain, the other office. */
export const KEYS = { city: 'mc-city-app-key-0001', captain: 'mc-p01-captain-key', other: 'lz-other-office-key' } as const;

/** The demo server with Open311 API keys and an `equipment` category with every kind of attribute. */
export interface Open311World extends DemoServer {
  /** The demo community's code: its jurisdiction_id. */
  jurisdiction: string;
  /** The other office's community code. */
  otherJurisdiction: string;
  /** Fetches an Open311 path as `init` says, with the body as given. */
  open311(path: string, init?: { method?: string; form?: Record<string, string> | [string, string][]; headers?: Record<string, string> }): Promise<Response>;
}

/** A category using every attribute type, so that every datatype mapping is exercised. */
export const EQUIPMENT = {
  id: 'equipment',
  labels: { 'zh-CN': '设备报修', en: 'Equipment repair' },
  portfolio: 'comprehensive_governance',
  sla: 'assistance',
  attributes: [
    { code: 'kind', labels: { 'zh-CN': '设备类型', en: 'Kind of equipment' }, type: 'single', required: true, values: ['电梯', '空调', '门禁'] },
    { code: 'floors', labels: { 'zh-CN': '所在楼层', en: 'Floors' }, type: 'multi', values: ['1F', '2F', '3F'] },
    { code: 'blocking', labels: { 'zh-CN': '是否影响生产', en: 'Stops production' }, type: 'boolean' },
    { code: 'area', labels: { 'zh-CN': '影响面积（平方米）', en: 'Area affected (m²)' }, type: 'number' },
    { code: 'note', labels: { 'zh-CN': '补充说明', en: 'Note' }, type: 'string' },
  ],
} as const;

export async function open311World(options: Partial<ServerOptions> = {}): Promise<Open311World> {
  // The keys' actors need office ids that exist only once the demo is loaded: the server gets
  // a resolver that defers to keys made right after.
  let keys: ApiKeys | null = null;
  const deferred: ApiKeys = {
    resolve: (request) => keys?.resolve(request) ?? null,
    idOf: (request) => keys?.idOf(request) ?? Promise.resolve(null),
  };
  const world = await demoServer({ apiKeys: deferred, resolveActor: firstActor(deferred.resolve), ...options });
  const { community, office, demo, other } = world;
  const entry = async (id: string, key: string, actor: Actor) => ({ id, sha256: await sha256Hex(new TextEncoder().encode(key)), actor });
  keys = apiKeys([
    await entry('mc-city-app', KEYS.city, { kind: 'system', officeId: office.id }),
    await entry('mc-p01-captain', KEYS.captain, { kind: 'member', officeId: office.id, memberId: world.p01.captainId }),
    await entry('lz-app', KEYS.other, { kind: 'system', officeId: other.office.id }),
  ]);

  const head = community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId });
  const stored = await head.config.get();
  if (!stored) throw new Error('The demo office has no config');
  await head.config.update({ ...stored.config, categories: [...stored.config.categories, EQUIPMENT] } as OfficeConfigInput);

  const system = community.as({ kind: 'system', officeId: office.id });
  const jurisdiction = (await system.communities.get(demo.communityId)).code;
  const otherJurisdiction = (await community.as({ kind: 'system', officeId: other.office.id }).communities.get(other.communityId)).code;
  const open311: Open311World['open311'] = (path, init = {}) => {
    const form = init.form ? new URLSearchParams(init.form).toString() : undefined;
    return world.server.fetch(
      new Request(`http://kechuang.test/open311/v2${path}`, {
        method: init.method ?? (form !== undefined ? 'POST' : 'GET'),
        headers: { ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}), ...init.headers },
        ...(form !== undefined ? { body: form } : {}),
      }),
    );
  };
  return { ...world, jurisdiction, otherJurisdiction, open311 };
}
