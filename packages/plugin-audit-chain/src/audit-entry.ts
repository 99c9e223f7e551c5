import { sha256Hex, type Row } from '@kechuang/community';
import { canonicalJson } from './canonical-json.js';

/** Tags what is hashed, so that a later layout can never be mistaken for this one. */
const FORMAT = 'kechuang-audit-chain/1';

/** One committed command, as the audit chain records it. */
export interface AuditChainEntry {
  /** The entry's id. */
  id: string;
  /** The office whose chain it belongs to. */
  officeId: string;
  /** 1, 2, 3 … within the office, without gaps. */
  seq: number;
  /** The request of a request command; null for a record command (`member.archive`, `config.update` …). */
  requestId: string | null;
  /** What the command wrote: `request`, or the record command's model (`member`, `config` …). */
  model: string;
  /** The id of that record: the request's, the member's …; for `config`, the office's. */
  recordId: string;
  /** `submit`, `assign` …, a plugin transition such as `legal-review.approve`, or a record command such as `member.archive`. */
  command: string;
  /** Who ran the command: a member or the system. */
  actorKind: 'member' | 'system';
  /** The member's id; null for the system actor. */
  actorId: string | null;
  /** When the command committed: the record's `updatedAt` (`createdAt` for a config version or a visit). */
  at: Date;
  /** SHA-256 (hex) of the canonical JSON of the command's input; null with `recordInput: 'none'`. */
  inputDigest: string | null;
  /** The request's status after the command; null for a record command. */
  status: string | null;
  /** The version of the request or record after the command; null for a visit, which has none. */
  version: number | null;
  /** The request's assignee after the command; null for a record command. */
  assigneeId: string | null;
  /** The hash of the entry before it; for the first entry, the office's genesis hash. */
  prevHash: string;
  /** SHA-256 (hex) over the canonical JSON of every other field. */
  hash: string;
}

const encoder = new TextEncoder();

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function digestOf(value: unknown): Promise<string> {
  return sha256Hex(encoder.encode(canonicalJson(value)));
}

/**
 * The hash an entry's fields give: SHA-256 (hex) over the canonical JSON of every field but
 * `hash`, tagged with the format. Pass `seq` to work it out as if the entry had that number,
 * which is how a moved entry is recognised. An auditor can recompute it without this package:
 * the format is documented in the README.
 *
 * @example
 * ```ts
 * const [entry] = await listAuditEntries(storage, { officeId, limit: 1 });
 * const intact = entry !== undefined && (await entryHash(entry)) === entry.hash;
 * ```
 */
export function entryHash(entry: Omit<AuditChainEntry, 'hash'>, seq = entry.seq): Promise<string> {
  const { id, officeId, requestId, model, recordId, command, actorKind, actorId, at, inputDigest, status, version, assigneeId, prevHash } = entry;
  return digestOf({ format: FORMAT, id, officeId, seq, requestId, model, recordId, command, actorKind, actorId, at: at.toISOString(), inputDigest, status, version, assigneeId, prevHash });
}

/**
 * What the first entry of an office links to. It names the office, so an entry copied from
 * another office's chain links to nothing here.
 *
 * @example
 * ```ts
 * const [first] = await listAuditEntries(storage, { officeId, limit: 1 });
 * console.log(first?.prevHash === (await genesisHash(officeId))); // true
 * ```
 */
export function genesisHash(officeId: string): Promise<string> {
  return digestOf({ format: FORMAT, genesis: officeId });
}

/** The row stored for an entry. */
export function entryToRow(entry: AuditChainEntry): Row {
  return { ...entry };
}

const text = (v: unknown): v is string => typeof v === 'string';
const textOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const whole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/**
 * The entry a stored row holds, or null when a column holds something an entry never has
 * (someone wrote to it by hand). A request command's entry names its request as the record
 * and carries its status and version; a record command's has no request, status or assignee.
 */
export function rowToEntry(row: Row): AuditChainEntry | null {
  const { id, officeId, seq, requestId, model, recordId, command, actorKind, actorId, at, inputDigest, status, version, assigneeId, prevHash, hash } = row;
  if (!text(id) || !text(officeId) || !whole(seq) || !text(model) || !text(recordId) || !text(command)) return null;
  if ((actorKind !== 'member' && actorKind !== 'system') || !textOrNull(actorId) || !(at instanceof Date) || Number.isNaN(at.getTime())) return null;
  if (!textOrNull(inputDigest) || !text(prevHash) || !text(hash)) return null;
  const ofRequest = text(requestId) && model === 'request' && recordId === requestId && text(status) && whole(version) && textOrNull(assigneeId);
  const ofRecord = requestId === null && model !== 'request' && status === null && (version === null || whole(version)) && assigneeId === null;
  if (!ofRequest && !ofRecord) return null;
  return { id, officeId, seq, requestId, model, recordId, command, actorKind, actorId, at, inputDigest, status, version, assigneeId, prevHash, hash };
}
