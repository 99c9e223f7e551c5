/**
 * The office config: its schema, the loader (YAML/JSON text → validated config, or one error
 * listing every problem with its line and column), and its JSON Schema for editors.
 *
 * @module @kechuang/community/config
 */
export {
  officeConfigSchema,
  conditionSchema,
  assignTargetSchema,
  type OfficeConfig,
  type OfficeConfigInput,
  type Condition,
  type AssignTarget,
  type Rule,
  type Labels,
} from './config-schema.js';
export { parseOfficeConfig, type ParseOfficeConfigOptions } from './parse-config.js';
export { validateOfficeConfig, assertOfficeConfig, type ValidateOfficeConfigOptions, type OfficeConfigValidation } from './validate-config.js';
export { formatConfigPath, type ConfigIssue } from './config-problem.js';
export type { RoutingCheck } from './routing-check.js';
export { officeConfigJsonSchema, OFFICE_CONFIG_SCHEMA_ID } from './config-json-schema.js';
export { templateVariables } from '../notify/template-vars.js';
