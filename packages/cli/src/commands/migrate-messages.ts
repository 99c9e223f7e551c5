import type { Messages } from '../locale.js';

export const migrateMessages: Messages<{ description: string; examples: string; done: (where: string, version: number, tables: number) => string }> = {
  'zh-CN': {
    description: '创建或升级数据库结构（可重复执行，已是最新时不作改动）',
    examples: `
示例：
  $ kechuang migrate
  $ kechuang migrate --db postgres://kechuang@db.internal/kechuang
  $ DATABASE_URL=postgres://kechuang@db.internal/kechuang?schema=cangqian kechuang migrate`,
    done: (where, version, tables) => `数据库 ${where} 已是最新结构：第 ${version} 版，${tables} 张数据表。`,
  },
  en: {
    description: 'create or upgrade the database schema (safe to repeat; nothing changes when it is current)',
    examples: `
Examples:
  $ kechuang migrate
  $ kechuang migrate --db postgres://kechuang@db.internal/kechuang
  $ DATABASE_URL=postgres://kechuang@db.internal/kechuang?schema=cangqian kechuang migrate`,
    done: (where, version, tables) => `The database ${where} is at schema version ${version} (${tables} tables).`,
  },
};
