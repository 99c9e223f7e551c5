import type { StorageSchema } from '@kechuang/community';

/** A model with one field of every type, each both required and nullable, plus paging fields. */
export const RECORD = 'kit_record';

/** A model with a two-field unique constraint (nullable `code`) and a version for guarded updates. */
export const ACCOUNT = 'kit_account';

/** A feed model (`feed: true`): rows tailed in commit order with `readFeed`. */
export const FEED = 'kit_feed';

/**
 * The schema the conformance kit hands to `adapter.init()`. Its model names start with `kit_`
 * so they cannot clash with the core's tables if an adapter author points the kit at a shared
 * database.
 */
export const conformanceSchema: StorageSchema = {
  version: 1,
  models: {
    [RECORD]: {
      fields: {
        id: { type: 'string' },
        title: { type: 'string' },
        note: { type: 'string', nullable: true },
        amount: { type: 'number' },
        score: { type: 'number', nullable: true },
        active: { type: 'boolean' },
        flagged: { type: 'boolean', nullable: true },
        at: { type: 'date' },
        due: { type: 'date', nullable: true },
        payload: { type: 'json' },
        extra: { type: 'json', nullable: true },
        bucket: { type: 'string' },
        rank: { type: 'number' },
      },
      indexes: [{ name: 'kit_record_bucket_rank', fields: ['bucket', 'rank'] }],
    },
    [ACCOUNT]: {
      fields: {
        id: { type: 'string' },
        scope: { type: 'string' },
        code: { type: 'string', nullable: true },
        version: { type: 'number' },
        balance: { type: 'number' },
      },
      unique: [{ name: 'kit_account_scope_code', fields: ['scope', 'code'] }],
      indexes: [{ name: 'kit_account_scope', fields: ['scope'] }],
    },
    [FEED]: {
      fields: {
        id: { type: 'string' },
        scope: { type: 'string' },
        n: { type: 'number' },
        at: { type: 'date' },
      },
      indexes: [{ name: 'kit_feed_scope', fields: ['scope'] }],
      feed: true,
    },
  },
};
