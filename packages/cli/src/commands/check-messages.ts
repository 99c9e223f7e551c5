import type { Messages } from '../locale.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const checkMessages: Messages<{
  description: string;
  file: string;
  examples: string;
  problems: (file: string, count: number) => string;
  ok: (file: string) => string;
  summary: (counts: { portfolios: number; categories: number; rules: number; slaPolicies: number; teams: number }) => string;
  apply: string;
  applied: (office: string, version: number) => string;
  unchanged: (office: string, version: number) => string;
}> = {
  'zh-CN': {
    description: '检查配置文件，逐条列出问题所在的行和列（不需要数据库）',
    file: '配置文件（默认 ./kechuang.config.yaml）',
    examples: `
示例：
  $ kechuang check
  $ kechuang check config/kechuang.config.yaml
  $ kechuang check --apply              # 无误后启用：存为本街道的新版配置
  $ kechuang check --app ./app.mjs      # 配置用到应用插件的条件、动作或分派策略时
退出码 0 表示配置无误，1 表示发现问题。`,
    problems: (file, count) => `${file}：发现 ${count} 处问题。`,
    ok: (file) => `${file}：配置无误。`,
    apply: '配置无误时启用：存为街道当前配置的新版本（需要数据库）',
    applied: (office, version) => `已启用：街道 ${office} 的配置现为第 ${version} 版。`,
    unchanged: (office, version) => `街道 ${office} 正在使用这份配置（第 ${version} 版），无需更新。`,
    summary: (c) => `  分管领域 ${c.portfolios} 个，服务团队 ${c.teams} 个，诉求类别 ${c.categories} 个，分派规则 ${c.rules} 条，办理时限 ${c.slaPolicies} 种`,
  },
  en: {
    description: 'check a config file and list every problem with its line and column (no database needed)',
    file: 'the config file (default ./kechuang.config.yaml)',
    examples: `
Examples:
  $ kechuang check
  $ kechuang check config/kechuang.config.yaml
  $ kechuang check --apply              # once valid, put it in force as the office's new version
  $ kechuang check --app ./app.mjs      # when the config uses your plugins' operators, actions or strategies
Exit code 0 means the config is valid, 1 that problems were found.`,
    problems: (file, count) => `${file}: ${count} ${count === 1 ? 'problem' : 'problems'} found.`,
    ok: (file) => `${file}: the config is valid.`,
    apply: "when the config is valid, put it in force as a new version of the office's config (needs the database)",
    applied: (office, version) => `In force: office ${office} now runs version ${version} of its config.`,
    unchanged: (office, version) => `Office ${office} already runs this config (version ${version}); nothing to store.`,
    summary: (c) =>
      `  ${plural(c.portfolios, 'portfolio')}, ${plural(c.teams, 'team')}, ${plural(c.categories, 'category', 'categories')}, ${plural(c.rules, 'routing rule')}, ${plural(c.slaPolicies, 'SLA policy', 'SLA policies')}`,
  },
};
