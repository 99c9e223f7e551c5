import type { Lang } from '../locale.js';

/**
 * The comments of the starting config, per language. The YAML itself is the same in both:
 * labels carry both languages, so reports and notices work in either.
 */
const COMMENTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    head: `# 科创社区办公配置（kechuang.config.yaml）
#
# 本文件规定分管领域、服务团队、诉求类别、办理时限、工作日历和分派规则。
# 修改后请先运行 \`kechuang check\` 检查，再用 \`kechuang route --explain\` 看分派结果。
# 编辑器安装 YAML 插件（yaml-language-server）后，可按首行的 $schema 自动补全和提示错误。`,
    portfolios: `# 分管领域：每位专员分管一个领域。专员由名录导入（kechuang import members），
# 规则写 { portfolio: 领域编号 } 即分派给该领域的专员。`,
    teams: `# 服务团队：如公共法律服务驿站。此处的编码须在名录中存在（kechuang init 已建好 LEGAL）。`,
    slaPolicies: `# 办理时限（SLA）：respond 为签收时限，resolve 为办结时限，按工作日或工作小时计，
# 诉求提交当日不计入。reminders 为催办节点（占办结时限的比例），escalation 为逾期后逐级督办，
# extension 为延期审批人和最多可延长的工作日数。`,
    defaultSla: `# 类别和规则都未指定时限时采用的时限。`,
    calendar: `# 工作日历：默认沿用国务院公布的全国节假日和调休安排（cn-mainland）。
# 每年 11 月前后公布次年安排后，在此补充即可，无需升级软件，例如：
#   holidays: [{ from: '2027-02-06', to: '2027-02-13', name: 春节 }]
#   workdays: [{ date: '2027-02-20', name: 春节调休 }]
# 补充前可先用 \`kechuang calendar check 文件\` 检查。`,
    categories: `# 诉求类别：id 供规则和报表引用，portfolio 为默认分管领域，sla 为默认时限。`,
    routing: `# 分派规则：自上而下逐条判断，第一条命中且未写 continue: true 的规则决定由谁办理；
# continue: true 的规则只添加标签、关注人、优先级等，然后继续往下判断。
# 都不命中时按 fallback 处理，保证每条诉求都有人接。`,
    safety: `    # 安全隐患一律按紧急处理（只调整优先级和时限，继续往下分派）。`,
    legal: `    # 欠款、合同纠纷等交由公共法律服务驿站，由驿站成员轮流承办。`,
    economic: `    # 政策、人才、融资类交由经济发展专员。`,
    fallback: `  # 其余诉求由站长分派。`,
  },
  en: {
    head: `# The office config of a tech-innovation community (kechuang.config.yaml)
#
# It sets the portfolios, service teams, request categories, time limits, the working
# calendar and the routing rules. After a change run \`kechuang check\`, then
# \`kechuang route --explain\` to see where requests would go.
# Editors with the YAML language server complete and check this file through the $schema line.`,
    portfolios: `# Portfolios: each commissioner owns one. Commissioners come from the directory
# (kechuang import members); a rule's { portfolio: id } assigns to its commissioner.`,
    teams: `# Service teams, e.g. the public legal service station. Each code must exist in the
# directory (kechuang init created LEGAL).`,
    slaPolicies: `# Time limits (SLA): respond = until signed for, resolve = until replied, in working days
# or working hours; the day a request arrives does not count. reminders are shares of the
# resolve time; escalation steps follow the deadline; extension names who approves and how
# many working days may be added.`,
    defaultSla: `# The time limit of requests whose category and rules name none.`,
    calendar: `# The working calendar: the State Council's mainland holidays and make-up workdays
# (cn-mainland) ship with the tool. When next year's schedule is published (around November),
# add it here, no upgrade needed, e.g.:
#   holidays: [{ from: '2027-02-06', to: '2027-02-13', name: 春节 }]
#   workdays: [{ date: '2027-02-20', name: 春节调休 }]
# Check the new entries first with \`kechuang calendar check <file>\`.`,
    categories: `# Request categories: rules and reports use the id; portfolio and sla are the defaults.`,
    routing: `# Routing rules, top to bottom: the first matching rule without continue: true decides who
# handles the request; rules with continue: true only add tags, watchers, priority and so on.
# When none decides, the fallback does, so no request is ever left unassigned.`,
    safety: `    # Safety hazards are always urgent (priority and time limit only; routing goes on).`,
    legal: `    # Unpaid invoices, debts and contract disputes go to the legal service station, in turn.`,
    economic: `    # Policy, talent and financing go to the economic development commissioner.`,
    fallback: `  # Everything else: the station head triages.`,
  },
};

/** The team the starting config names; `kechuang init` creates it so the config is valid at once. */
export const STARTER_TEAMS = [{ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' }] as const;

/**
 * The starting `kechuang.config.yaml`: valid as written, commented in `lang`, with the
 * `$schema` line editors use for completion.
 */
export function initConfigText(lang: Lang, schemaRef: string): string {
  const c = COMMENTS[lang];
  return `# yaml-language-server: $schema=${schemaRef}
${c['head']}
version: 1

${c['portfolios']}
portfolios:
  - id: economic_development
    labels: { zh-CN: 经济发展, en: Economic development }
  - id: comprehensive_governance
    labels: { zh-CN: 综合治理, en: Comprehensive governance }
  - id: public_affairs
    labels: { zh-CN: 公共事务, en: Public affairs }
  - id: party_building
    labels: { zh-CN: 党群建设, en: Party building }

${c['teams']}
teams:
  - code: LEGAL
    labels: { zh-CN: 公共法律服务驿站, en: Public legal service station }

${c['slaPolicies']}
slaPolicies:
  - id: urgent
    labels: { zh-CN: 紧急诉求, en: Urgent }
    respond: { workingHours: 1 }
    resolve: { workingHours: 8 }
    escalation:
      - { afterWorkingDays: 0, notify: [station_head] }
  - id: consultation
    labels: { zh-CN: 咨询类, en: Consultation }
    respond: { workingHours: 4 }
    resolve: { workingDays: 3 }
  - id: assistance
    labels: { zh-CN: 求助类, en: Assistance }
    respond: { workingDays: 1 }
    resolve: { workingDays: 5 }
    reminders: [0.5, 0.8, 1]
    escalation:
      - { afterWorkingDays: 0, notify: [station_head] }
      - { afterWorkingDays: 2, notify: [office_staff] }
    returnWindowWorkingDays: 2
    extension: { approvers: [station_head], maxWorkingDays: 10 }
  - id: complaint
    labels: { zh-CN: 投诉类, en: Complaint }
    respond: { workingDays: 1 }
    resolve: { workingDays: 15 }
    extension: { approvers: [station_head, office_staff], maxWorkingDays: 15 }

${c['defaultSla']}
defaultSla: assistance

${c['calendar']}
calendar:
  extends: cn-mainland
  timeZone: Asia/Shanghai
  officeHours: ['08:30-12:00', '13:30-17:30']
  weekend: [6, 7]

${c['categories']}
categories:
  - id: legal
    labels: { zh-CN: 法律服务, en: Legal services }
    sla: assistance
  - id: policy
    labels: { zh-CN: 政策咨询, en: Policy questions }
    portfolio: economic_development
    sla: consultation
  - id: talent
    labels: { zh-CN: 人才与招聘, en: Talent and hiring }
    portfolio: economic_development
  - id: finance
    labels: { zh-CN: 融资与金融, en: Financing }
    portfolio: economic_development
  - id: facilities
    labels: { zh-CN: 园区设施与物业, en: Park facilities }
    portfolio: comprehensive_governance
  - id: safety
    labels: { zh-CN: 安全生产, en: Workplace safety }
    portfolio: comprehensive_governance
    sla: urgent
  - id: public_services
    labels: { zh-CN: 公共服务, en: Public services }
    portfolio: public_affairs
  - id: party
    labels: { zh-CN: 党建工作, en: Party building }
    portfolio: party_building
    sla: consultation
  - id: complaint
    labels: { zh-CN: 投诉, en: Complaints }
    sla: complaint
  - id: other
    labels: { zh-CN: 其他, en: Other }

${c['routing']}
routing:
  rules:
${c['safety']}
    - id: safety_is_urgent
      when:
        any:
          - { category: safety }
          - { text: { any: [安全隐患, 火灾, 消防, 泄漏] } }
      then: { priority: urgent, sla: urgent, tags: [安全] }
      continue: true

${c['legal']}
    - id: legal_debts
      when:
        any:
          - { category: legal }
          - { text: { any: [欠款, 尾款, 拖欠, 合同纠纷, 债务] } }
      then: { assign: { team: LEGAL, strategy: round_robin } }

${c['economic']}
    - id: economic_matters
      when: { category: { in: [policy, talent, finance] } }
      then: { assign: { portfolio: economic_development } }

    - id: governance_matters
      when: { category: { in: [facilities, safety] } }
      then: { assign: { portfolio: comprehensive_governance } }

    - id: public_matters
      when: { category: public_services }
      then: { assign: { portfolio: public_affairs } }

    - id: party_matters
      when: { category: party }
      then: { assign: { portfolio: party_building } }

${c['fallback']}
  fallback:
    assign: { role: station_head }
`;
}
