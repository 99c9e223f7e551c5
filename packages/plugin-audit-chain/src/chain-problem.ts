/**
 * How a chain was broken:
 * - `altered`: an entry's contents were changed (its hash no longer fits, or the next entry no longer links to it);
 * - `deleted`: entries are missing from the middle of the chain;
 * - `inserted`: an entry was added that the plugin did not write (copied from another office, or made up);
 * - `reordered`: entries were moved to other numbers;
 * - `truncated`: the newest entries were deleted (the head record or a request still points past the end);
 * - `anchor`: the head record or a request's `auditChainHead` was removed or put back.
 */
export type AuditChainProblemKind = 'altered' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'anchor';

/** The first place where the chain is broken. */
export interface AuditChainProblem {
  /** How the chain was broken. */
  kind: AuditChainProblemKind;
  /** The entry number where the break is. */
  seq: number;
  /** The entry at fault, or null when it is missing. */
  entryId: string | null;
  /** The request whose anchor shows the break, for `truncated` and `anchor` problems found that way. */
  requestId: string | null;
  /** What happened, in plain words, in the locale asked for. */
  message: string;
}

/** The outcome of `verifyAuditChain`: intact, or the first problem found. */
export type AuditChainVerification =
  | {
      /** The chain is intact. */
      ok: true;
      /** How many entries the chain has. */
      entries: number;
      /** The newest entry's hash; null for an empty chain. */
      head: string | null;
    }
  | {
      /** The chain is broken. */
      ok: false;
      /** The first place where it is broken. */
      problem: AuditChainProblem;
    };

/** A problem as the checks find it; the request is named only where a request's anchor shows it. */
export type Found = Omit<AuditChainProblem, 'requestId'> & { requestId?: string | null };

export const problem = (found: Found): AuditChainVerification => ({ ok: false, problem: { requestId: null, ...found } });
