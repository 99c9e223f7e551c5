import type { FieldDefinition, ModelDefinition, StorageSchema } from './types.js';

const s: FieldDefinition = { type: 'string' };
const sn: FieldDefinition = { type: 'string', nullable: true };
const n: FieldDefinition = { type: 'number' };
const nn: FieldDefinition = { type: 'number', nullable: true };
const bn: FieldDefinition = { type: 'boolean', nullable: true };
const d: FieldDefinition = { type: 'date' };
const dn: FieldDefinition = { type: 'date', nullable: true };
const j: FieldDefinition = { type: 'json' };
const jn: FieldDefinition = { type: 'json', nullable: true };

/** Fields every directory record has; `code` is unique within the office. */
const directoryBase = { id: s, officeId: s, code: s, version: n, createdAt: d, updatedAt: d, archivedAt: dn };

function directoryModel(name: string, fields: Record<string, FieldDefinition>, indexes: string[][] = []): ModelDefinition {
  return {
    fields: { ...directoryBase, ...fields },
    unique: [{ name: `${name}_office_code`, fields: ['officeId', 'code'] }],
    indexes: indexes.map((f) => ({ name: `${name}_${f.join('_')}`, fields: f })),
  };
}

/**
 * The models the core stores. Field names are the record property names; adapters may map
 * them to their own column naming.
 */
export const coreModels: Record<string, ModelDefinition> = {
  // Office codes are unique across the whole deployment: an office is the tenant itself.
  office: { ...directoryModel('office', { name: s, timeZone: s, configVersion: { type: 'number', nullable: true }, directoryStamp: sn }), unique: [{ name: 'office_code', fields: ['code'] }] },
  community: directoryModel('community', { name: s }),
  park: directoryModel('park', { communityId: s, name: s, kind: s, address: sn }, [['officeId', 'communityId']]),
  building: directoryModel('building', { parkId: s, communityId: s, name: s, floors: { type: 'number', nullable: true } }, [
    ['officeId', 'parkId'],
  ]),
  enterprise: directoryModel(
    'enterprise',
    { name: s, communityId: s, parkId: sn, buildingId: sn, industry: sn, size: sn, tags: j },
    [['officeId', 'parkId'], ['officeId', 'communityId']],
  ),
  team: directoryModel('team', { name: s, kind: s }),
  // `contacts` and `locale` came later: nullable, so that stored members migrate; null reads as
  // no contacts and 'zh-CN'.
  member: directoryModel('member', { name: s, mobile: sn, email: sn, roles: j, status: s, contacts: jn, locale: sn }),
  request: {
    fields: {
      id: s,
      officeId: s,
      communityId: s,
      enterpriseId: sn,
      parkId: sn,
      buildingId: sn,
      visitId: sn,
      channel: s,
      category: s,
      attributes: j,
      title: s,
      description: s,
      priority: s,
      contact: jn,
      externalRef: jn,
      externalKey: sn,
      attachments: j,
      tags: j,
      status: s,
      assigneeId: sn,
      assigneeTeamId: sn,
      assignedAt: dn,
      assists: j,
      returnInfo: jn,
      outcome: sn,
      outcomeNote: sn,
      satisfaction: sn,
      redoCount: n,
      duplicateOfId: sn,
      submittedById: sn,
      idempotencyKey: sn,
      createdAt: d,
      updatedAt: d,
      closedAt: dn,
      watchers: j,
      slaPolicy: sn,
      routing: jn,
      slaStartedAt: dn,
      respondDueAt: dn,
      resolveDueAt: dn,
      dueSoonAt: dn,
      respondedAt: dn,
      pausedAt: dn,
      escalationLevel: n,
      supervision: jn,
      extension: jn,
      // Facts for metrics, recorded when their event happens (see metrics/metric-facts.ts).
      portfolio: sn,
      repliedAt: dn,
      firstReturnedAt: dn,
      extendedAt: dn,
      supervisedAt: dn,
      respondWorkMs: nn,
      concludeWorkMs: nn,
      // Derived from the fields above on every write (storage/records.ts), so that SQL can
      // count them without comparing two columns.
      respondSettledAt: dn,
      respondOnTime: bn,
      replyOnTime: bn,
      version: n,
    },
    unique: [
      { name: 'request_office_idempotency', fields: ['officeId', 'idempotencyKey'] },
      { name: 'request_office_external', fields: ['officeId', 'externalKey'] },
    ],
    indexes: [
      { name: 'request_office_created', fields: ['officeId', 'createdAt', 'id'] },
      { name: 'request_office_status', fields: ['officeId', 'status', 'createdAt'] },
      { name: 'request_office_assignee', fields: ['officeId', 'assigneeId', 'status'] },
      { name: 'request_office_team', fields: ['officeId', 'assigneeTeamId', 'status'] },
      // Round-robin routing asks for a member's latest assignment.
      { name: 'request_office_assignee_assigned', fields: ['officeId', 'assigneeId', 'assignedAt'] },
      { name: 'request_office_park', fields: ['officeId', 'parkId', 'createdAt'] },
      { name: 'request_office_enterprise', fields: ['officeId', 'enterpriseId', 'createdAt'] },
      { name: 'request_office_category', fields: ['officeId', 'category', 'createdAt'] },
      { name: 'request_office_resolve_due', fields: ['officeId', 'resolveDueAt'] },
      // Metrics count each measure by the period its event falls in.
      { name: 'request_office_settled', fields: ['officeId', 'respondSettledAt'] },
      { name: 'request_office_responded', fields: ['officeId', 'respondedAt'] },
      { name: 'request_office_closed', fields: ['officeId', 'closedAt'] },
      { name: 'request_office_returned', fields: ['officeId', 'firstReturnedAt'] },
      { name: 'request_office_extended', fields: ['officeId', 'extendedAt'] },
      { name: 'request_office_supervised', fields: ['officeId', 'supervisedAt'] },
    ],
  },
  /** Who takes part in a request besides the lead (assisting members and teams), for visibility queries. */
  /**
   * Durable timers (SLA reminders, escalations, plugin timers), written in the same
   * transaction as the change that schedules them and leased by workers when due.
   */
  timer: {
    fields: {
      id: s,
      officeId: s,
      requestId: sn,
      kind: s,
      key: s,
      dueAt: d,
      payload: j,
      status: s,
      leaseOwner: sn,
      leaseExpiresAt: dn,
      firedAt: dn,
      attempts: n,
      lastError: sn,
      failedAt: dn,
      createdAt: d,
      version: n,
    },
    unique: [{ name: 'timer_office_key', fields: ['officeId', 'key'] }],
    indexes: [
      { name: 'timer_status_due', fields: ['status', 'dueAt'] },
      { name: 'timer_office_request', fields: ['officeId', 'requestId', 'status'] },
    ],
  },
  /**
   * Notifications to deliver, written in the same transaction as the change they tell of and
   * leased by workers when due: at least once per (event, recipient, channel), which the
   * idempotency key names.
   */
  outbox: {
    fields: {
      id: s,
      officeId: s,
      requestId: sn,
      event: s,
      notifierId: s,
      channel: s,
      recipientMemberId: sn,
      idempotencyKey: s,
      /** The rendered {@link NotificationMessage} fields: locale, title, text, html, to, data. */
      message: j,
      status: s,
      dueAt: d,
      attempts: n,
      leaseOwner: sn,
      leaseExpiresAt: dn,
      lastError: sn,
      externalId: sn,
      deliveredAt: dn,
      deadAt: dn,
      createdAt: d,
      version: n,
    },
    unique: [{ name: 'outbox_office_idempotency', fields: ['officeId', 'idempotencyKey'] }],
    indexes: [
      { name: 'outbox_status_due', fields: ['status', 'dueAt'] },
      { name: 'outbox_office_status', fields: ['officeId', 'status', 'createdAt'] },
      { name: 'outbox_office_request', fields: ['officeId', 'requestId'] },
    ],
  },
  /**
   * Sends counted per notifier and time window, shared by every worker of every instance so
   * that a bot's rate limit holds across them. One row per (notifier, window length, window
   * start); old windows are deleted.
   */
  rate_window: {
    fields: { id: s, notifierId: s, windowMs: n, windowStart: d, count: n, version: n },
    indexes: [{ name: 'rate_window_notifier', fields: ['notifierId', 'windowStart'] }],
  },
  /** Every version of each office's config document; the highest version is in force. */
  office_config: {
    fields: { id: s, officeId: s, version: n, document: j, createdAt: d, createdById: sn },
    unique: [{ name: 'office_config_office_version', fields: ['officeId', 'version'] }],
  },
  request_party: {
    fields: { id: s, officeId: s, requestId: s, partyKind: s, partyId: s, role: s, createdAt: d },
    unique: [{ name: 'request_party_unique', fields: ['requestId', 'partyKind', 'partyId', 'role'] }],
    indexes: [{ name: 'request_party_office_party', fields: ['officeId', 'partyKind', 'partyId'] }],
  },
  timeline_entry: {
    fields: {
      id: s,
      officeId: s,
      requestId: s,
      seq: n,
      index: n,
      type: s,
      actorKind: s,
      actorId: sn,
      at: d,
      fromStatus: sn,
      toStatus: sn,
      data: j,
    },
    unique: [{ name: 'timeline_entry_request_seq_index', fields: ['requestId', 'seq', 'index'] }],
    indexes: [{ name: 'timeline_entry_office_request', fields: ['officeId', 'requestId', 'seq'] }],
    // Event streams tail committed entries in commit order (readFeed), across instances.
    feed: true,
  },
  /**
   * Idempotency keys of calls made at a host's edge (e.g. HTTP `Idempotency-Key`): the first
   * call claims the key, later ones with it get the stored response. No index on expiresAt:
   * purging keeps the table to about one time-to-live of keys, so a purge's scan stays small.
   */
  idempotency_key: {
    fields: { id: s, officeId: s, scope: s, key: s, fingerprint: s, response: jn, leaseUntil: d, expiresAt: d, version: n },
    unique: [{ name: 'idempotency_key_unique', fields: ['officeId', 'scope', 'key'] }],
  },
  visit: {
    fields: {
      id: s,
      officeId: s,
      communityId: s,
      enterpriseId: s,
      visitedAt: d,
      visitorIds: j,
      summary: s,
      requestIds: j,
      recordedById: sn,
      idempotencyKey: sn,
      createdAt: d,
    },
    unique: [{ name: 'visit_office_idempotency', fields: ['officeId', 'idempotencyKey'] }],
    indexes: [{ name: 'visit_office_enterprise', fields: ['officeId', 'enterpriseId', 'visitedAt'] }],
  },
};

/** Raise when a core model or field changes, so SQL adapters migrate. */
export const CORE_SCHEMA_VERSION = 11;

/** The core schema merged with plugin models (plugin model names must not clash). */
export function buildSchema(pluginModels: Record<string, ModelDefinition> = {}, pluginFields: Record<string, Record<string, FieldDefinition>> = {}): StorageSchema {
  const models = { ...coreModels, ...pluginModels };
  for (const [model, fields] of Object.entries(pluginFields)) {
    const core = models[model];
    if (core) models[model] = { ...core, fields: { ...core.fields, ...fields } };
  }
  return { version: CORE_SCHEMA_VERSION, models };
}
