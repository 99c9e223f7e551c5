import { definePlugin } from '../define-plugin.js';

/**
 * A plugin that chains every command into a ledger: one `audit_chain_link` row per command,
 * written in the command's transaction, and on the request the chain's head, length, seal time
 * and proof (one field of each type); enterprises get a review note and date that the host
 * sets. The ledger refuses a request whose title contains 拒绝入链, failing its command.
 *
 * @example
 * ```ts
 * const fx = await smallOffice({ plugins: [auditChain()] });
 * (await fx.system.requests.submit(submitInput(fx))).auditChainHead; // 'submit:1'
 * ```
 */
export const auditChain = definePlugin({
  id: 'audit-chain',
  schema: {
    models: {
      audit_chain_link: {
        fields: { id: { type: 'string' }, officeId: { type: 'string' }, requestId: { type: 'string' }, command: { type: 'string' }, seq: { type: 'number' } },
        indexes: [{ name: 'audit_chain_link_request', fields: ['requestId', 'seq'] }],
      },
    },
    fields: {
      request: {
        auditChainHead: { type: 'string', nullable: true },
        auditChainLength: { type: 'number', nullable: true },
        auditChainSealedAt: { type: 'date', nullable: true },
        auditChainProof: { type: 'json', nullable: true },
      },
      enterprise: { auditChainNote: { type: 'string', nullable: true }, auditChainReviewedAt: { type: 'date', nullable: true } },
    },
  },
  setup({ hooks }) {
    hooks.transaction('*', async ({ tx, command, request }) => {
      await tx.create({ model: 'audit_chain_link', data: { id: `${request.id}:${request.version}`, officeId: request.officeId, requestId: request.id, command, seq: request.version } });
      await tx.update({
        model: 'request',
        where: [{ field: 'officeId', value: request.officeId }, { field: 'id', value: request.id }],
        data: {
          auditChainHead: `${command}:${request.version}`,
          auditChainLength: request.version,
          auditChainSealedAt: request.updatedAt,
          auditChainProof: { command, links: [request.id, request.version] },
        },
      });
      if (request.title.includes('拒绝入链')) throw new Error('the ledger refuses this request');
    });
  },
});
