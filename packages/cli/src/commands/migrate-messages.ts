import type { Messages } from '../locale.js';

export const migrateMessages: Messages<{
  description: string;
  examples: string;
  done: (where: string, version: number, tables: number) => string;
  plugin: (plugin: string, tables: readonly string[], fields: readonly string[]) => string;
}> = {
  'zh-CN': {
    description: '创建或升级数据库结构（可重复执行，已是最新时不作改动）；带 --app 时也建立应用插件的数据表和字段',
    examples: `
示例：
  $ kechuang migrate
  $ kechuang migrate --app ./app.mjs    # 连同应用插件的数据表和字段
  $ kechuang migrate --db postgres://kechuang@db.internal/kechuang
  $ DATABASE_URL=postgres://kechuang@db.internal/kechuang?schema=cangqian kechuang migrate`,
    done: (where, version, tables) => `数据库 ${where} 已是最新结构：第 ${version} 版，${tables} 张数据表。`,
    plugin: (plugin, tables, fields) => {
      const parts = [...(tables.length === 0 ? [] : [`数据表 ${tables.join('、')}`]), ...(fields.length === 0 ? [] : [`字段 ${fields.join('、')}`])];
      return `  插件 ${plugin}：${parts.length === 0 ? '无自有数据表或字段' : parts.join('；')}`;
    },
  },
  en: {
    description: 'create or upgrade the database schema (safe to repeat; nothing changes when it is current); with --app, the tables and fields of your plugins too',
    examples: `
Examples:
  $ kechuang migrate
  $ kechuang migrate --app ./app.mjs    # with the tables and fields of your app's plugins
  $ kechuang migrate --db postgres://kechuang@db.internal/kechuang
  $ DATABASE_URL=postgres://kechuang@db.internal/kechuang?schema=cangqian kechuang migrate`,
    done: (where, version, tables) => `The database ${where} is at schema version ${version} (${tables} tables).`,
    plugin: (plugin, tables, fields) => {
      const parts = [...(tables.length === 0 ? [] : [`tables ${tables.join(', ')}`]), ...(fields.length === 0 ? [] : [`fields ${fields.join(', ')}`])];
      return `  plugin ${plugin}: ${parts.length === 0 ? 'no tables or fields of its own' : parts.join('; ')}`;
    },
  },
};
