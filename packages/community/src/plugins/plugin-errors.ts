import type { PluginErrorCode } from '../errors/error-codes.js';
import { KechuangError, type ErrorDetails } from '../errors/kechuang-error.js';

/**
 * The error codes a plugin declares: code (UPPER_SNAKE) → the HTTP status a server answers
 * with, and what it means. Hosts see each as `<plugin-id>:<CODE>`.
 */
export type PluginErrorCodes = Record<
  string,
  {
    /** The HTTP status a server answers with, e.g. 409. */
    status: number;
    /** What the code means, for the API documentation. */
    description: string;
  }
>;

/** Makes the error a plugin throws to refuse a command with one of its declared codes. */
export function pluginError(pluginId: string, code: string, status: number, message: string, details: ErrorDetails = {}): KechuangError {
  const namespaced: PluginErrorCode = `${pluginId}:${code}`;
  return new KechuangError(namespaced, message, { ...details, plugin: pluginId, status });
}
