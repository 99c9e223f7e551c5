import type { Messages } from '../locale.js';

export interface RouteMessages {
  description: string;
  request: string;
  explain: string;
  text: string;
  category: string;
  park: string;
  building: string;
  channel: string;
  enterprise: string;
  community: string;
  priority: string;
  at: string;
  json: string;
  config: string;
  examples: string;
  needCategory: string;
  noConfig: string;
  badAt: (text: string) => string;
  badJson: (file: string, reason: string) => string;
  missingFile: (file: string) => string;
  noPark: (code: string) => string;
  noBuilding: (code: string) => string;
  noEnterprise: (code: string) => string;
  noCommunity: (code: string) => string;
  noCommunities: string;
  severalCommunities: (codes: readonly string[]) => string;
  decision: string;
  assignee: string;
  team: string;
  nobody: string;
  rule: string;
  ruleSource: (source: 'rule' | 'fallback' | 'none', ruleId: string | null) => string;
  reason: string;
  sla: string;
  slaFrom: (from: 'rule' | 'category' | 'default') => string;
  noSla: string;
  priorityLabel: string;
  watchers: string;
  tags: string;
  assists: string;
  skipped: string;
  skipWhy: (why: string) => string;
  none: string;
  configVersion: (version: number) => string;
  rules: string;
  header: readonly [string, string, string, string, string];
  matched: string;
  notMatched: string;
  notEvaluated: string;
  fallbackRow: string;
  fallbackUsed: string;
  fallbackUnused: string;
}

export const routeMessages: Messages<RouteMessages> = {
  'zh-CN': {
    description: '解释一条诉求会分派给谁、依据哪条规则（只解释，不写入任何数据）',
    request: '诉求 JSON 文件（字段同提交诉求；community、park、building、enterprise 可写编码或信用代码）',
    explain: '逐条解释规则（route 只做解释，可省略）',
    text: '诉求内容',
    category: '诉求类别 id，如 legal',
    park: '园区编码，如 P01',
    building: '楼宇编码，如 P01-B02',
    channel: '受理渠道：phone（默认）、visit、captain_report、walk_in、online、hotline_12345',
    enterprise: '企业统一社会信用代码',
    community: '社区编码（街道只有一个社区时可省略）',
    priority: '优先级：normal（默认）或 urgent',
    at: '假定的提交时间，如 "2026-10-01 09:00"（默认现在）',
    json: '以 JSON 输出解释结果',
    config: '配置文件（默认 ./kechuang.config.yaml，不存在时沿用街道已生效的配置）；仅作试算，不会保存，确认后用 `kechuang check --apply` 启用',
    examples: `
示例：
  $ kechuang route --explain --text "40余个项目尾款未结" --category legal
  $ kechuang route --explain --category facilities --park P03 --channel captain_report --text "园区路灯损坏"
  $ kechuang route --explain request.json --json
  $ kechuang route --explain --category policy --text "高企认定" --at "2026-10-01 09:00"
  $ kechuang route --explain --park P03 --category legal --text "合同纠纷" --app ./app.mjs   # 规则用到应用插件时`,
    noConfig: '当前目录没有 kechuang.config.yaml，街道也还没有生效的配置。请先运行 `kechuang init`，或用 --config 指定配置文件。',
    needCategory: '请用 --category 指定诉求类别，或在 JSON 文件中写明 category。',
    badAt: (text) => `无法识别时间 ${text}，请写成 "2026-09-30 16:00" 或带时区的 ISO 时间。`,
    badJson: (file, reason) => `${file} 不是有效的 JSON：${reason}`,
    missingFile: (file) => `未找到文件 ${file}。`,
    noPark: (code) => `没有编码为 ${code} 的园区。`,
    noBuilding: (code) => `没有编码为 ${code} 的楼宇。`,
    noEnterprise: (code) => `没有统一社会信用代码为 ${code} 的企业。`,
    noCommunity: (code) => `没有编码为 ${code} 的社区。`,
    noCommunities: '街道还没有社区。请运行 `kechuang init` 或 `kechuang demo`。',
    severalCommunities: (codes) => `街道有多个社区（${codes.join('、')}），请用 --community 指定。`,
    decision: '分派结果',
    assignee: '承办人',
    team: '承办团队',
    nobody: '（无人可分派）',
    rule: '依据',
    ruleSource: (source, ruleId) => (source === 'rule' ? `规则 ${ruleId ?? ''}` : source === 'fallback' ? '兜底规则（fallback）' : '无'),
    reason: '说明',
    sla: '办理时限',
    slaFrom: (from) => (from === 'rule' ? '由规则指定' : from === 'category' ? '按类别' : '默认时限'),
    noSla: '（不计时）',
    priorityLabel: '优先级',
    watchers: '关注人',
    tags: '标签',
    assists: '协办',
    skipped: '跳过的人员',
    skipWhy: (why) => ({ away: '不在岗', left: '已离职', archived: '已归档' })[why] ?? why,
    none: '无',
    configVersion: (version) => `配置版本：第 ${version} 版`,
    rules: '逐条规则',
    header: ['规则', '结果', '条件', '期望', '实际'],
    matched: '✓ 命中',
    notMatched: '✗ 未命中',
    notEvaluated: '– 未判断',
    fallbackRow: '(fallback)',
    fallbackUsed: '✓ 采用',
    fallbackUnused: '– 未用',
  },
  en: {
    description: 'explain where a request would go and by which rule (explains only; writes nothing)',
    request: 'a request as JSON (the submit fields; community, park, building and enterprise may be codes or credit codes)',
    explain: 'explain rule by rule (route always explains; may be left out)',
    text: 'what the request says',
    category: 'the category id, e.g. legal',
    park: 'the park code, e.g. P01',
    building: 'the building code, e.g. P01-B02',
    channel: 'the channel: phone (the default), visit, captain_report, walk_in, online, hotline_12345',
    enterprise: "the enterprise's unified social credit code",
    community: 'the community code (may be left out when the office has one)',
    priority: 'the priority: normal (the default) or urgent',
    at: 'when the request is taken to arrive, e.g. "2026-10-01 09:00" (default: now)',
    json: 'print the explanation as JSON',
    config: "the config file (default ./kechuang.config.yaml, else the office's config in force); explained as a draft and not stored: put it in force with `kechuang check --apply`",
    examples: `
Examples:
  $ kechuang route --explain --text "40余个项目尾款未结" --category legal
  $ kechuang route --explain --category facilities --park P03 --channel captain_report --text "Street lights broken"
  $ kechuang route --explain request.json --json
  $ kechuang route --explain --category policy --text "High-tech certification" --at "2026-10-01 09:00"
  $ kechuang route --explain --park P03 --category legal --text "Contract dispute" --app ./app.mjs   # rules that use your plugins`,
    noConfig: 'There is no kechuang.config.yaml here and the office has no config in force yet. Run `kechuang init`, or name a config with --config.',
    needCategory: 'Give the category with --category, or as "category" in the JSON file.',
    badAt: (text) => `Cannot read the time ${text}; write it as "2026-09-30 16:00" or as ISO 8601 with an offset.`,
    badJson: (file, reason) => `${file} is not valid JSON: ${reason}`,
    missingFile: (file) => `No file at ${file}.`,
    noPark: (code) => `There is no park with the code ${code}.`,
    noBuilding: (code) => `There is no building with the code ${code}.`,
    noEnterprise: (code) => `There is no enterprise with the credit code ${code}.`,
    noCommunity: (code) => `There is no community with the code ${code}.`,
    noCommunities: 'The office has no community yet. Run `kechuang init` or `kechuang demo`.',
    severalCommunities: (codes) => `The office has several communities (${codes.join(', ')}); choose one with --community.`,
    decision: 'Decision',
    assignee: 'Assignee',
    team: 'Team',
    nobody: '(nobody available)',
    rule: 'By',
    ruleSource: (source, ruleId) => (source === 'rule' ? `rule ${ruleId ?? ''}` : source === 'fallback' ? 'the fallback' : 'nothing'),
    reason: 'Reason',
    sla: 'SLA policy',
    slaFrom: (from) => (from === 'rule' ? 'set by a rule' : from === 'category' ? "the category's" : 'the default'),
    noSla: '(no time limit)',
    priorityLabel: 'Priority',
    watchers: 'Watchers',
    tags: 'Tags',
    assists: 'Assisting',
    skipped: 'Passed over',
    skipWhy: (why) => why,
    none: 'none',
    configVersion: (version) => `Config version ${version}`,
    rules: 'Rule by rule',
    header: ['rule', 'result', 'condition', 'expected', 'actual'],
    matched: '✓ matched',
    notMatched: '✗ no match',
    notEvaluated: '– not evaluated',
    fallbackRow: '(fallback)',
    fallbackUsed: '✓ used',
    fallbackUnused: '– not used',
  },
};
