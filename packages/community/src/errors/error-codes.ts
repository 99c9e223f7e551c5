/**
 * The registry of stable error codes. Hosts and adapters match on these strings, so a code
 * never changes meaning once published; new codes are only ever added.
 */
export const ERROR_CODES = {
  /** Input failed its schema; `details.issues` lists every problem with its path. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** The record does not exist, or belongs to another office (never revealed). */
  NOT_FOUND: 'NOT_FOUND',
  /** The record is visible to the actor, but the actor may not do this to it. */
  FORBIDDEN: 'FORBIDDEN',
  /** The workflow does not allow this command in the request's current state. */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** The record changed since it was read; reload and decide again. */
  CONFLICT: 'CONFLICT',
  /** A record with the same stable code (or the same duplicate key) already exists. */
  DUPLICATE: 'DUPLICATE',
  /** A storage-level unique constraint was violated. */
  UNIQUE_VIOLATION: 'UNIQUE_VIOLATION',
  /** The storage adapter cannot give the guarantees the core needs (e.g. no transactions). */
  UNSUPPORTED_ADAPTER: 'UNSUPPORTED_ADAPTER',
  /** A plugin definition or its options are invalid, or a plugin vetoed a command. */
  PLUGIN_ERROR: 'PLUGIN_ERROR',
  /** A plugin hook did not finish within the community's `pluginHookTimeoutMs`; nothing was written. */
  PLUGIN_TIMEOUT: 'PLUGIN_TIMEOUT',
  /** A workflow definition breaks the rules (e.g. a state that cannot reach a terminal state). */
  INVALID_WORKFLOW: 'INVALID_WORKFLOW',
  /** A keyset cursor could not be decoded, or belongs to a different query. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** An adapter failed in a way the core could not classify; `cause` holds the original. */
  STORAGE_ERROR: 'STORAGE_ERROR',
  /** A notifier failed to send, and a later attempt may succeed (`details.retryAfterMs` if known). */
  NOTIFY_RETRYABLE: 'NOTIFY_RETRYABLE',
  /** A notifier failed to send, and retrying cannot help (bad credentials, unknown recipient). */
  NOTIFY_PERMANENT: 'NOTIFY_PERMANENT',
} as const;

/** One of the stable error codes in {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * A code a plugin declares in `definePlugin({ errors })`, as hosts see it: namespaced by the
 * plugin's id, e.g. `duplicates:REPEATED_REQUEST`. `details.status` holds its HTTP status.
 */
export type PluginErrorCode = `${string}:${string}`;
