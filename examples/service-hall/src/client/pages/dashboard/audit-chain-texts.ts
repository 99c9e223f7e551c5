/** The audit-chain card's words in both languages. */
import { defineTexts } from '../../i18n.js';

const zh = {
  title: '审计链',
  intact: '完好',
  broken: '异常',
  checking: '正在核验…',
  entries: (_n: number, shown: string) => `共 ${shown} 条操作记录，逐条以哈希值首尾相连，核验未发现改动、删除或插入。`,
  empty: '目前还没有记录。演示年度的数据在启用审计链之前载入，审计链从大厅上线后的第一次操作开始记录。',
  head: (hash: string) => `最新哈希值 ${hash}`,
  problem: (seq: number) => `核验发现问题（第 ${seq} 条记录）：`,
  advice: '请停止修改数据库，保留现场，并报告系统管理员核查。',
  checkedAt: (when: string) => `核验时间 ${when}`,
  again: '重新核验',
};

const en: typeof zh = {
  title: 'Audit chain',
  intact: 'Intact',
  broken: 'Broken',
  checking: 'Checking…',
  entries: (n: number, shown: string) =>
    n === 1
      ? 'One recorded command, linked to the start of the chain by its hash; nothing has been changed, deleted or inserted.'
      : `${shown} recorded commands, each linked to the one before by its hash; nothing has been changed, deleted or inserted.`,
  empty: 'No entries yet. The demo year was loaded before the audit chain was installed, so the chain starts at the first command taken in the hall.',
  head: (hash: string) => `Newest hash ${hash}`,
  problem: (seq: number) => `Problem found at entry #${seq}: `,
  advice: 'Stop changing the database, keep it as it is and ask the system administrator to look into it.',
  checkedAt: (when: string) => `Checked ${when}`,
  again: 'Check again',
};

export const useAuditChainTexts = defineTexts({ 'zh-CN': zh, en });
