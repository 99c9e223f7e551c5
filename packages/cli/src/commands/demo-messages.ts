import type { Messages } from '../locale.js';

export const demoMessages: Messages<{
  description: string;
  seed: string;
  enterprises: string;
  examples: string;
  badNumber: (name: string, text: string) => string;
  exists: (where: string) => string;
  loading: (where: string) => string;
  stageDirectory: string;
  stageYear: string;
  headline: (s: { collected: number; resolved: number; stillOpen: number; visits: number }) => string;
  rates: (r: { response: string; resolution: string; satisfaction: string; composite: string }) => string;
  next: (officeFlag: string) => string;
}> = {
  'zh-CN': {
    description: '载入梦创社区演示数据（62 个园区、约 6000 家企业）并回放其第一年（2025-03-01 至 2026-02-28）的诉求',
    seed: '随机种子（默认 20250301）：同一种子每次生成完全相同的数据',
    enterprises: '企业数量（默认 6000；数量少时载入更快）',
    examples: `
示例：
  $ kechuang demo
  $ kechuang demo --seed 7 --db demo.sqlite
  $ kechuang demo --enterprises 500`,
    badNumber: (name, text) => `${name} 应为整数，收到 ${text}。`,
    exists: (where) => `数据库 ${where} 中已有演示街道（cangqian），未作改动。如需重新载入，请用 --db 指定新的数据库文件。`,
    loading: (where) => `正在向 ${where} 载入梦创社区，并回放一年的诉求……`,
    stageDirectory: '载入名录',
    stageYear: '回放全年',
    headline: (s) => `梦创社区第一年：共收集诉求 ${s.collected} 件，已解决 ${s.resolved} 件，走访 ${s.visits} 次，年末仍在办理 ${s.stillOpen} 件。`,
    rates: (r) => `全年响应率 ${r.response}，解决率 ${r.resolution}，满意率 ${r.satisfaction}，综合得分 ${r.composite}。`,
    next: (flag) => `
下一步：
  kechuang report${flag} --period 2026-02 --format html
  kechuang route --explain${flag} --text "40余个项目尾款未结" --category legal
  kechuang calendar due --from "2026-09-30 16:00" --days 3`,
  },
  en: {
    description: "load the Mengchuang demo community (62 parks, about 6,000 enterprises) and replay its first year of requests (2025-03-01 to 2026-02-28)",
    seed: 'the seed (default 20250301): the same seed gives exactly the same data every time',
    enterprises: 'how many enterprises (default 6000; fewer load faster)',
    examples: `
Examples:
  $ kechuang demo
  $ kechuang demo --seed 7 --db demo.sqlite
  $ kechuang demo --enterprises 500`,
    badNumber: (name, text) => `${name} must be a whole number; got ${text}.`,
    exists: (where) => `The database ${where} already holds the demo office (cangqian); nothing was changed. Name a new database file with --db to load it again.`,
    loading: (where) => `Loading the Mengchuang Community into ${where} and replaying its year of requests…`,
    stageDirectory: 'Directory',
    stageYear: 'Year',
    headline: (s) => `Mengchuang's first year: ${s.collected} requests collected, ${s.resolved} resolved, ${s.visits} visits, ${s.stillOpen} still open at the end.`,
    rates: (r) => `Over the year: response rate ${r.response}, resolution rate ${r.resolution}, satisfaction rate ${r.satisfaction}, composite score ${r.composite}.`,
    next: (flag) => `
Next steps:
  kechuang report${flag} --period 2026-02 --format html
  kechuang route --explain${flag} --text "40余个项目尾款未结" --category legal
  kechuang calendar due --from "2026-09-30 16:00" --days 3`,
  },
};
