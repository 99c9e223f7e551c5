import { definePlugin } from '@kechuang/community';
import { z } from 'zod';
import { appendEntry, appendRecordEntry } from './append-entry.js';
import { auditChainSchema } from './audit-chain-schema.js';
import { ensureHead } from './chain-head.js';
import { verifyRoute } from './verify-route.js';

/**
 * The options of {@link auditChain}, checked when the community is created.
 *
 * @example
 * ```ts
 * auditChain({ recordInput: 'none' }); // who did what, without input digests
 * ```
 */
export const auditChainOptions = z
  .strictObject({
    /** The hash function; SHA-256 is the only one so far. @default 'sha256' */
    hash: z.literal('sha256').default('sha256'),
    /**
     * `digest` keeps a SHA-256 of each command's input in its entry, so the input kept
     * elsewhere can be proven unchanged; `none` records only who did what to which request.
     * @default 'digest'
     */
    recordInput: z.enum(['digest', 'none']).default('digest'),
  })
  .prefault({});

/**
 * A tamper-evident audit log: every committed command gets one entry — request commands
 * (plugin transitions included) and record commands (directory, office, config and visit
 * changes) — numbered per office and chained by SHA-256 to the entry before it, written
 * in the command's own transaction. The newest hash is also kept on the office's head record
 * and on the request (`auditChainHead`), so cutting off the newest entries shows too. Check a
 * chain with `verifyAuditChain`, `auditChainReport` or `GET /api/plugins/audit-chain/verify`.
 *
 * @example
 * ```ts
 * import { createCommunity } from '@kechuang/community';
 * import { sqliteStorage } from '@kechuang/storage-sqlite';
 * import { auditChain, verifyAuditChain } from '@kechuang/plugin-audit-chain';
 *
 * const storage = sqliteStorage({ filename: './kechuang.db' });
 * const community = createCommunity({ storage, plugins: [auditChain()] });
 * // … commands run …
 * const result = await verifyAuditChain(storage, { officeId });
 * if (!result.ok) console.error(result.problem.message);
 * ```
 *
 * @function
 */
export const auditChain = definePlugin({
  id: 'audit-chain',
  version: '0.1.0',
  options: auditChainOptions,
  schema: auditChainSchema,
  setup({ options, hooks, http, storage }) {
    // Offices whose head row this community has seen, so the check costs one read per office.
    const headed = new Set<string>();
    // Synchronous once the office is known, so the usual command runs it without a timer.
    // The head is written through the adapter, not `read` (meant for reads) nor a `tx`: it
    // must exist before the command's transaction opens, whether or not the command commits.
    const ensure = (officeId: string) => (headed.has(officeId) ? undefined : ensureHead(storage(), officeId).then(() => void headed.add(officeId)));
    hooks.before('*', ({ officeId }) => ensure(officeId));
    // A new office's head is made inside its create transaction instead: no other command can
    // reach an office that does not exist yet, and a refused create then leaves no head behind.
    hooks.before('record.*', ({ command, officeId }) => (command === 'office.create' ? undefined : ensure(officeId)));
    hooks.transaction('*', async (change) => {
      await appendEntry(change, options.recordInput);
    });
    hooks.transaction('record.*', async (change) => {
      await appendRecordEntry(change, options.recordInput);
    });
    http.route(verifyRoute(storage));
  },
});
