/**
 * plugins.submit: what plugin hooks cost a whole `submit` on the in-memory adapter.
 *
 * Main side: a community with 10 no-op plugins, each hooking `before`, `transaction` and
 * `after` on every command (30 hook calls per submit); `-async` makes the hooks async, so
 * each runs under the hook timeout's timer.
 * Baseline: the same office and input on a community with no plugins. The ratio is the
 * plugin machinery's overhead on the whole command; the hooks themselves do nothing.
 */
import { createCommunity, definePlugin, memoryStorage, type CommunitySession, type Plugin } from '@kechuang/community';
import type { BenchmarkDefinition } from './harness.js';

const noop = (id: string): Plugin =>
  definePlugin({
    id,
    setup({ hooks }) {
      hooks.before('*', () => undefined);
      hooks.transaction('*', () => undefined);
      hooks.after('*', () => undefined);
    },
  })();

// Real hooks are mostly async; an async hook runs under the hook timeout's timer.
const asyncNoop = (id: string): Plugin =>
  definePlugin({
    id,
    setup({ hooks }) {
      hooks.before('*', async () => undefined);
      hooks.transaction('*', async () => undefined);
      hooks.after('*', async () => undefined);
    },
  })();

async function officeWith(plugins: readonly Plugin[]): Promise<{ session: CommunitySession; input: Parameters<CommunitySession['requests']['submit']>[0] }> {
  const community = createCommunity({ storage: memoryStorage(), plugins });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const session = community.as({ kind: 'system', officeId: office.id });
  const mc = await session.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await session.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const enterprise = await session.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
  return { session, input: { communityId: mc.id, enterpriseId: enterprise.id, channel: 'phone', category: 'legal', title: '项目尾款未结', description: '没有签合同，只有聊天记录' } };
}

type Office = Awaited<ReturnType<typeof officeWith>>;

function overhead(name: string, plugin: (id: string) => Plugin): BenchmarkDefinition {
  let withPlugins: Office;
  let without: Office;
  return {
    name,
    async setup() {
      withPlugins = await officeWith(Array.from({ length: 10 }, (_, i) => plugin(`noop-${i}`)));
    },
    fn: async () => {
      await withPlugins.session.requests.submit(withPlugins.input);
    },
    baseline: {
      name: 'core.submit without plugins',
      async setup() {
        without = await officeWith([]);
      },
      fn: async () => {
        await without.session.requests.submit(without.input);
      },
    },
  };
}

export const benchmarks: BenchmarkDefinition[] = [overhead('plugins.submit-10-noop', noop), overhead('plugins.submit-10-noop-async', asyncNoop)];
