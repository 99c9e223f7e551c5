import type { OfficeConfigInput } from '../../config/config-schema.js';
import type { OfficePolicy } from '../../pipeline/office-policy.js';
import type { Runtime } from '../../pipeline/runtime.js';
import { checkDirectoryReferences } from './directory-references.js';

/**
 * The policy of a draft config, validated like `config.update` and compiled for one use, never
 * stored or cached. Loaded only when a draft is explained.
 */
export async function draftPolicy(
  runtime: Runtime,
  officeId: string,
  draft: OfficeConfigInput | string,
  filename: string | undefined,
): Promise<OfficePolicy> {
  const { parseOfficeConfig, assertOfficeConfig } = await import('../../config/index.js');
  // Checked against what the plugins registered: operators, actions, strategies, events.
  const config =
    typeof draft === 'string'
      ? parseOfficeConfig(draft, { ...runtime.plugins, ...(filename ? { filename } : {}) })
      : assertOfficeConfig(draft, runtime.plugins);
  await checkDirectoryReferences(runtime, officeId, config);
  const { policyFor } = await import('../../pipeline/policy-engine.js');
  return policyFor(runtime, { officeId, version: 0, config, createdAt: runtime.clock.now(), createdById: null }, true);
}
