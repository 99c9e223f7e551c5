/**
 * core.submit: whole `submit` commands per second on the in-memory adapter — validation,
 * actor and reference loads, authorization, the pure decision and one transaction writing the
 * request and its timeline entry.
 *
 * Baseline: a bare loop doing the same zod parse and writing the same two objects into maps,
 * i.e. what the pipeline would cost if it did nothing but parse and store.
 */
import {
  createCommunity,
  memoryStorage,
  submitRequestInput,
  uuidv7,
  type CommunitySession,
} from '@kechuang/community';
import type { BenchmarkDefinition } from './harness.js';

let session: CommunitySession;
let input: Record<string, unknown>;

async function setup(): Promise<void> {
  const community = createCommunity({ storage: memoryStorage() });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  session = community.as({ kind: 'system', officeId: office.id });
  const mc = await session.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await session.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const enterprise = await session.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
  input = { communityId: mc.id, enterpriseId: enterprise.id, channel: 'phone', category: 'legal', title: '项目尾款未结', description: '没有签合同，只有聊天记录' };
}

const requests = new Map<string, Record<string, unknown>>();
const timeline = new Map<string, Record<string, unknown>>();

function bareSubmit(): void {
  const parsed = submitRequestInput.parse(input);
  const now = new Date();
  const id = uuidv7();
  requests.set(id, { ...parsed, id, officeId: 'o', status: 'submitted', version: 1, createdAt: now, updatedAt: now });
  const entryId = uuidv7();
  timeline.set(entryId, { id: entryId, requestId: id, seq: 1, index: 0, type: 'submitted', at: now, data: { channel: parsed.channel } });
}

export const benchmarks: BenchmarkDefinition[] = [
  {
    name: 'core.submit',
    setup,
    fn: async () => {
      await session.requests.submit(input as never);
    },
    baseline: { name: 'bare zod parse + object writes', fn: bareSubmit },
  },
];
