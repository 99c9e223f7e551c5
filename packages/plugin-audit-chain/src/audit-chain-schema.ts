import type { PluginSchema } from '@kechuang/community';

/** The model holding one row per committed command (request and record commands). */
export const ENTRY_MODEL = 'audit_chain_entry';
/** The model holding one row per office: the newest entry's number and hash. */
export const HEAD_MODEL = 'audit_chain_head';
/** The request field holding the hash of the request's newest entry. */
export const REQUEST_ANCHOR = 'auditChainHead';

/**
 * What the audit chain stores. Entries are numbered per office (`seq`, unique with the
 * office); each names the hash of the entry before it. The head row and every request's
 * `auditChainHead` repeat the newest hashes, so deleting the newest entries is caught too.
 */
export const auditChainSchema = {
  models: {
    [ENTRY_MODEL]: {
      fields: {
        id: { type: 'string' },
        officeId: { type: 'string' },
        seq: { type: 'number' },
        // Null for a record command's entry, which names its record by model and id instead.
        requestId: { type: 'string', nullable: true },
        model: { type: 'string' },
        recordId: { type: 'string' },
        command: { type: 'string' },
        actorKind: { type: 'string' },
        actorId: { type: 'string', nullable: true },
        at: { type: 'date' },
        inputDigest: { type: 'string', nullable: true },
        status: { type: 'string', nullable: true },
        version: { type: 'number', nullable: true },
        assigneeId: { type: 'string', nullable: true },
        prevHash: { type: 'string' },
        hash: { type: 'string' },
      },
      unique: [{ name: 'audit_chain_entry_office_seq', fields: ['officeId', 'seq'] }],
      // What a broken chain is diagnosed with (which entry has a hash, which links to it),
      // and one request's or record's trail.
      indexes: [
        { name: 'audit_chain_entry_office_request_seq', fields: ['officeId', 'requestId', 'seq'] },
        { name: 'audit_chain_entry_office_record_seq', fields: ['officeId', 'model', 'recordId', 'seq'] },
        { name: 'audit_chain_entry_office_hash', fields: ['officeId', 'hash'] },
        { name: 'audit_chain_entry_office_prev_hash', fields: ['officeId', 'prevHash'] },
      ],
    },
    [HEAD_MODEL]: {
      fields: {
        // The office's id: one head per office.
        id: { type: 'string' },
        officeId: { type: 'string' },
        seq: { type: 'number' },
        hash: { type: 'string' },
        // Set when the head was found missing and rebuilt from the newest entry left.
        rebuiltAtSeq: { type: 'number', nullable: true },
      },
      unique: [{ name: 'audit_chain_head_office', fields: ['officeId'] }],
    },
  },
  fields: {
    /** What the plugin adds to requests. */
    request: {
      /** The hash of the request's newest entry; null until it has one. */
      [REQUEST_ANCHOR]: {
        /** A hex string. */
        type: 'string',
        /** Requests stored before the plugin have none. */
        nullable: true,
      },
    },
  },
} as const satisfies PluginSchema;
