/**
 * `@kechuang/plugin-audit-chain`: a tamper-evident, hash-chained audit log of every command
 * (request and record commands), anchored per request and per office, with verification.
 *
 * @packageDocumentation
 */
export { auditChain, auditChainOptions } from './audit-chain-plugin.js';
export { verifyAuditChain, type VerifyAuditChainInput } from './verify-audit-chain.js';
export type { AuditChainVerification, AuditChainProblem, AuditChainProblemKind } from './chain-problem.js';
export { auditChainReport, type AuditChainReport } from './audit-chain-report.js';
export { canonicalJson } from './canonical-json.js';
export { entryHash, genesisHash, type AuditChainEntry } from './audit-entry.js';
export { listAuditEntries, type ListAuditEntriesInput } from './list-audit-entries.js';
export type { AuditChainReader } from './chain-lookup.js';
export type { AuditChainLocale } from './problem-words.js';
export type { RecordInput } from './append-entry.js';
