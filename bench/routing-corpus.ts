/**
 * The request corpus for the routing benchmarks: 10,000 RoutingFacts drawn like the demo's —
 * the generated Mengchuang parks and enterprises, a mix of categories and channels, and
 * Chinese titles and descriptions, some holding routing keywords and most not.
 * Deterministic: the same seed gives the same corpus on every machine.
 */
import { createRandom, generateMengchuang, type Random } from '@kechuang/demo';
import type { Channel } from '../packages/community/src/model/request.js';
import type { RoutingFacts } from '../packages/community/src/routing/types.js';

/** [title, description] pairs per category; `{n}` becomes a number. */
const TEXTS: Record<string, readonly (readonly [string, string])[]> = {
  policy: [
    ['咨询高新技术企业认定条件', '今年准备申请高企认定，想了解研发费用占比要求和材料清单'],
    ['科技型中小企业评价咨询', '第一次申报，不清楚系统填报流程'],
    ['人才补贴政策咨询', '公司新引进{n}名硕士，想了解人才补贴的申领条件'],
    ['数字经济扶持政策', '想了解区里对数字经济企业的房租和研发扶持'],
    ['专精特新申报', '希望社区帮忙对接经信部门，了解申报节点'],
  ],
  talent: [
    ['招聘算法工程师困难', '连续三个月没有招到合适的人，希望对接高校招聘会'],
    ['员工子女入学咨询', '外地员工子女入学需要哪些材料'],
    ['人才公寓申请', '新入职的{n}名员工想申请人才公寓'],
    ['校园招聘合作', '希望社区组织一次联合校园招聘'],
  ],
  legal: [
    ['项目尾款迟迟未结', '{n}多个项目做完了，客户一直拖着不付尾款，没有签合同只有聊天记录'],
    ['客户欠款不还', '合作方欠款{n}万元，多次催收无果'],
    ['合同纠纷咨询', '对方单方面解除合同，想了解如何维权'],
    ['劳动仲裁咨询', '离职员工申请劳动仲裁，需要准备哪些材料'],
    ['商标被抢注', '我们的品牌商标被抢注了，怎么处理'],
    ['法律咨询', '想请律师看一下股权协议'],
  ],
  finance: [
    ['融资对接需求', '公司计划A轮融资，希望对接投资机构'],
    ['银行贷款咨询', '想了解科技贷的申请条件和额度'],
    ['上市辅导咨询', '公司营收持续增长，想了解上市辅导的流程'],
  ],
  facilities: [
    ['园区停车位不足', '早高峰停车困难，员工经常找不到车位'],
    ['厂房屋顶漏水', '连续下雨后屋顶漏水，影响设备'],
    ['电梯经常故障', '{n}号楼电梯这周坏了两次'],
    ['路灯不亮', '园区东门路灯坏了很久，晚上下班不安全'],
    ['空调维修', '办公室中央空调不制冷'],
  ],
  property: [
    ['物业费标准咨询', '今年物业费上涨，想了解收费依据'],
    ['租金调整', '房东通知明年租金上涨{n}%'],
    ['门禁卡办理', '新员工门禁卡怎么办理'],
  ],
  safety: [
    ['消防通道被占用', '楼道堆放杂物，存在安全隐患'],
    ['燃气管道异味', '食堂附近闻到燃气味，请尽快检查'],
    ['安全生产培训', '希望参加安全生产培训'],
  ],
  ip: [
    ['专利申请咨询', '想申请发明专利，不清楚流程'],
    ['软件著作权登记', '新产品上线前想登记软著'],
    ['产品被盗版', '发现有人盗版我们的软件并在网上销售'],
  ],
  tax: [
    ['出口退税咨询', '第一次做出口业务，退税怎么办理'],
    ['发票开具问题', '电子发票系统无法登录'],
    ['研发费用加计扣除', '想了解加计扣除的归集口径'],
  ],
  permits: [
    ['营业执照变更', '公司地址变更需要办理哪些手续'],
    ['食品经营许可证', '员工食堂需要办理许可证吗'],
  ],
  environment: [
    ['隔壁工厂噪音扰民', '夜间施工噪音很大，影响员工休息'],
    ['污水排放问题', '园区雨水井有污水溢出'],
  ],
  party: [
    ['党员组织关系转接', '新入职党员的组织关系如何转入'],
    ['党建活动场地', '想借用党群服务中心开展主题党日活动'],
    ['志愿服务报名', '公司员工想参加社区志愿服务'],
  ],
  other: [
    ['建议增设快递柜', '园区快递太多，希望增设快递柜'],
    ['咨询社区服务内容', '新入驻企业，想了解社区能提供哪些服务'],
    ['班车线路建议', '希望增加到地铁站的通勤班车'],
    ['紧急求助', '员工突发疾病，请求协助联系'],
  ],
};

const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['policy', 20], ['talent', 9], ['legal', 12], ['finance', 7], ['facilities', 16], ['property', 8], ['safety', 5],
  ['ip', 5], ['tax', 5], ['permits', 4], ['environment', 3], ['party', 3], ['other', 3],
];
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['phone', 30], ['visit', 25], ['captain_report', 15], ['walk_in', 10], ['online', 15], ['hotline_12345', 5],
];
const EXTRA_SENTENCES = ['请尽快处理。', '谢谢社区！', '联系人电话已留。', '之前反映过一次。', '希望本周内答复。', ''];

function fill(random: Random, template: string): string {
  return template.replace('{n}', String(random.int(2, 60)));
}

/**
 * Builds the corpus.
 *
 * @example
 * ```ts
 * const corpus = routingCorpus(10_000);
 * corpus[0].park?.code; // e.g. 'P17'
 * ```
 */
export function routingCorpus(size = 10_000, seed = 20250301): RoutingFacts[] {
  const directory = generateMengchuang({ seed });
  const random = createRandom(seed).fork('routing-corpus');
  const parkId = (code: string): string => `park-${code.toLowerCase()}-${seed}`;
  const corpus: RoutingFacts[] = [];
  for (let i = 0; i < size; i++) {
    const enterprise = random.chance(0.9) ? random.pick(directory.enterprises) : null;
    const parkCode = enterprise?.parkCode ?? (random.chance(0.5) ? random.pick(directory.parks).code : null);
    const buildingCode = enterprise?.buildingCode ?? null;
    const category = random.weighted(CATEGORY_WEIGHTS);
    const [title, description] = random.pick(TEXTS[category] ?? TEXTS['other'] ?? [['', '']]);
    const attributes: Record<string, number> = {};
    if ((category === 'legal' || category === 'finance') && random.chance(0.7)) attributes['amount'] = random.int(1, 300) * 1000;
    corpus.push({
      category,
      channel: random.weighted(CHANNEL_WEIGHTS),
      priority: random.chance(0.1) ? 'urgent' : 'normal',
      community: { id: `community-mc-${seed}`, code: directory.community.code },
      park: parkCode === null ? null : { id: parkId(parkCode), code: parkCode },
      building: buildingCode === null ? null : { id: `building-${buildingCode.toLowerCase()}`, code: buildingCode },
      enterprise: enterprise && { id: `enterprise-${i}`, code: enterprise.creditCode, industry: enterprise.industry, size: enterprise.size, tags: enterprise.tags },
      attributes,
      title: fill(random, title),
      description: `${fill(random, description)}${random.pick(EXTRA_SENTENCES)}`,
      tags: [],
      submittedAt: new Date(Date.UTC(2025, 2, 1) + random.int(0, 364) * 86_400_000),
      submitted: null,
    });
  }
  // In the pipeline, facts are built from stored rows, so their strings arrive as parsed text,
  // not as the concatenations built above; a JSON round trip gives the corpus the same shape.
  return JSON.parse(JSON.stringify(corpus), (key, value: unknown) => (key === 'submittedAt' && typeof value === 'string' ? new Date(value) : value)) as RoutingFacts[];
}
