import { readFileSync } from 'node:fs';
import {
  createCommunity,
  creditCodeCheckCharacter,
  memoryStorage,
  systemClock,
  type Clock,
  type NotificationMessage,
  type Notifier,
  type Plugin,
  type StorageAdapter,
  type SubmitRequestInput,
} from '@kechuang/community';
import { debtRecovery } from './debt-recovery-plugin.js';

/** The office's config file, as its staff edit it. */
export const CONFIG_FILE = 'kechuang.config.yaml';

/**
 * The text of {@link CONFIG_FILE}, which sits beside this module.
 *
 * @example
 * ```ts
 * await session.config.update(configText(), { filename: CONFIG_FILE });
 * ```
 */
export const configText = (): string => readFileSync(new URL(`./${CONFIG_FILE}`, import.meta.url), 'utf8');

/**
 * An e-mail notifier that keeps what it is handed instead of sending it.
 *
 * @example
 * ```ts
 * const inbox = mailbox();
 * const community = createCommunity({ storage: memoryStorage(), notifiers: [inbox] });
 * ```
 */
export function mailbox(): Notifier & { messages: NotificationMessage[] } {
  const messages: NotificationMessage[] = [];
  return {
    id: 'mailbox',
    channel: 'email',
    messages,
    async send(message) {
      messages.push(message);
      return { externalId: `mail-${messages.length}` };
    },
  };
}

/** Options of {@link openCangqian}. */
export interface CangqianOptions {
  /** @default memoryStorage() */
  storage?: StorageAdapter;
  /** @default systemClock */
  clock?: Clock;
  /** The plugin's options. @default {} */
  plugin?: Parameters<typeof debtRecovery>[0];
  /** Plugins installed after it, e.g. one whose hooks a test needs. @default [] */
  plugins?: readonly Plugin[];
  /** The office's config text. @default the text of kechuang.config.yaml */
  config?: string;
}

/**
 * Cangqian Street (仓前街道) with the debt-recovery plugin: the Mengchuang Community, one park,
 * the digital-imaging company of the domain story, the station head, the legal station's
 * lawyer and the economic development commissioner (each reading e-mail), and the office's
 * config from {@link CONFIG_FILE}.
 *
 * @example
 * ```ts
 * const office = await openCangqian();
 * const request = await office.system.requests.submit(office.claim('40余个项目尾款未结', '约12万元'));
 * ```
 */
export async function openCangqian(options: CangqianOptions = {}) {
  const inbox = mailbox();
  const storage = options.storage ?? memoryStorage();
  const community = createCommunity({
    storage,
    clock: options.clock ?? systemClock,
    notifiers: [inbox],
    plugins: [debtRecovery(options.plugin), ...(options.plugins ?? [])],
  });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  const creditCode = `91330110MA2H3QXG0${creditCodeCheckCharacter('91330110MA2H3QXG0')}`;
  const enterprise = await system.enterprises.create({ creditCode, name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id, industry: '数字经济', size: 'small' });
  const members = {
    stationHead: await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }], email: 'head@cangqian.example' }),
    lawyer: await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }], email: 'lawyer@cangqian.example' }),
    commissioner: await system.members.create({
      code: 'C001',
      name: '赵专员',
      roles: [{ role: 'commissioner', portfolio: 'economic_development' }],
      email: 'economy@cangqian.example',
    }),
  };
  await system.config.update(options.config ?? configText(), { filename: CONFIG_FILE });
  /** A request for help with unpaid invoices, owing `amountOwed` as the enterprise put it. */
  const claim = (title: string, amountOwed?: string): SubmitRequestInput => ({
    communityId: mc.id,
    enterpriseId: enterprise.id,
    channel: 'phone',
    category: 'unpaid_invoices',
    title,
    description: '没有签合同，只有聊天记录',
    ...(amountOwed === undefined ? {} : { attributes: { amount_owed: amountOwed } }),
  });
  return { community, storage, mailbox: inbox, office, system, mc, park, legal, enterprise, members, claim };
}

/** Cangqian Street as {@link openCangqian} opens it. */
export type Cangqian = Awaited<ReturnType<typeof openCangqian>>;
