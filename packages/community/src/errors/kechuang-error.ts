import type { ErrorCode, PluginErrorCode } from './error-codes.js';

const BRAND = Symbol.for('@kechuang/community/error');

/** One problem found while validating input, with the path to the offending value. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `['attachments', 0, 'sha256']`. */
  path: (string | number)[];
  /** What is wrong and what would be accepted. */
  message: string;
  /** A machine-readable kind, e.g. zod's issue code or `credit_code_check`. */
  code: string;
}

/** Structured details that travel with an error; which keys appear depends on the code. */
export interface ErrorDetails {
  /** For VALIDATION_FAILED: every problem found, each with its path. */
  issues?: ValidationIssue[];
  /** For CONFLICT: the version the command expected and the one found (if known). */
  expectedVersion?: number;
  /** For CONFLICT: the version found, when known. */
  actualVersion?: number;
  /** For INVALID_TRANSITION: the commands the actor could fire instead. */
  allowed?: string[];
  /** For INVALID_TRANSITION: the request's state. */
  state?: string;
  /** The command refused, e.g. `accept`. */
  command?: string;
  /** The model concerned, e.g. `request` or `member`. */
  model?: string;
  /** The id of the record concerned. */
  id?: string;
  /** For DUPLICATE: the fields whose value is already taken. */
  fields?: string[];
  [key: string]: unknown;
}

/**
 * The single error type thrown by the SDK and its adapters.
 *
 * Identify it with {@link isKechuangError} and its `code`, not with `instanceof`: a host may
 * load both the ESM and the CJS build, and each has its own class.
 *
 * @example
 * ```ts
 * try {
 *   await session.requests.accept({ requestId, version: 2 });
 * } catch (error) {
 *   if (isKechuangError(error, 'CONFLICT')) {
 *     // someone else changed the request: reload it and ask the user again
 *   }
 * }
 * ```
 */
export class KechuangError extends Error {
  /** One of {@link ERROR_CODES}, or a plugin's own code (`<plugin-id>:<CODE>`). */
  readonly code: ErrorCode | PluginErrorCode;
  /** Structured details for programs; which keys appear depends on the code. */
  readonly details: ErrorDetails;
  /**
   * Marks the error as the SDK's, whichever copy of the package made it.
   *
   * @internal
   */
  readonly [BRAND] = true;

  constructor(code: ErrorCode | PluginErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KechuangError';
    this.code = code;
    this.details = details;
  }

  /** A plain, JSON-safe form for logs and HTTP bodies. */
  toJSON(): {
    /** Always `KechuangError`. */
    name: string;
    /** The error's code. */
    code: ErrorCode | PluginErrorCode;
    /** What went wrong and what to do. */
    message: string;
    /** The structured details. */
    details: ErrorDetails;
  } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Whether `value` is a {@link KechuangError} (from any copy of the package), optionally with
 * the given code.
 *
 * @example
 * ```ts
 * if (isKechuangError(error, 'NOT_FOUND')) return respond(404);
 * ```
 */
export function isKechuangError(value: unknown, code?: ErrorCode | PluginErrorCode): value is KechuangError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [BRAND]?: unknown })[BRAND] !== true) return false;
  return code === undefined || (value as KechuangError).code === code;
}
