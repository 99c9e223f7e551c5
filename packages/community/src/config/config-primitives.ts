import { z } from 'zod';
import { PLUGIN_NAME_PATTERN } from '../routing/plugin-routing.js';

// The building blocks every section of the office config uses.

/** A label in both languages the SDK speaks. */
export const labelsSchema = z.strictObject({
  /** The name in Chinese. */
  'zh-CN': z.string().trim().min(1).max(100),
  /** The name in English. */
  en: z.string().trim().min(1).max(100),
});
/**
 * A name in Chinese and in English, each 1–100 characters.
 *
 * @useDeclaredType
 */
export type Labels = z.infer<typeof labelsSchema>;

/** An identifier used in config: lower-case letters, digits and underscores. */
export const configIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores, starting with a letter (e.g. economic_development)')
  .max(64);

/** A reference to a directory record by its id or its stable code. */
export const refSchema = z.string().trim().min(1).max(64);

/**
 * A routing action or assignment strategy a plugin registered, by its namespaced name
 * (`<plugin-id>.<name>`). Whether a plugin of the community registered it is checked against
 * the plugins (see `validateOfficeConfig`'s options), not by the schema.
 */
export const pluginNameSchema = z
  .string()
  .max(100)
  // Aborting, so that in a union with built-in names a misspelt built-in one is told as such.
  .regex(PLUGIN_NAME_PATTERN, { message: "Name a plugin's action or strategy as <plugin-id>.<name>, e.g. duplicates.flag", abort: true });
