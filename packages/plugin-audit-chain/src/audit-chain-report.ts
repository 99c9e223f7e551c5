import type { AuditChainVerification } from './chain-problem.js';
import type { AuditChainReader } from './chain-lookup.js';
import { problemWords } from './problem-words.js';
import { verifyAuditChain, type VerifyAuditChainInput } from './verify-audit-chain.js';

/** What {@link auditChainReport} gives a command-line tool. */
export interface AuditChainReport {
  /** 0 when the chain is intact, 1 when it is broken: hand it to `process.exitCode`. */
  exitCode: 0 | 1;
  /** One line saying so, in the locale asked for. */
  text: string;
  /** The verification itself: intact, or the first problem found. */
  result: AuditChainVerification;
}

/**
 * Verifies an office's chain and words the outcome for a terminal or a scheduled job: an exit
 * code and one line of text.
 *
 * @example
 * ```ts
 * const report = await auditChainReport(storage, { officeId, locale: 'zh-CN' });
 * console.log(report.text); // 街道o1的审计链完好：共1200条记录，最新哈希值为…
 * process.exitCode = report.exitCode;
 * ```
 */
export async function auditChainReport(storage: AuditChainReader, input: VerifyAuditChainInput): Promise<AuditChainReport> {
  const result = await verifyAuditChain(storage, input);
  const words = problemWords(input.locale ?? 'en');
  if (result.ok) return { exitCode: 0, text: words.intact(input.officeId, result.entries, result.head), result };
  return { exitCode: 1, text: words.broken(input.officeId, result.problem.kind, result.problem.message), result };
}
