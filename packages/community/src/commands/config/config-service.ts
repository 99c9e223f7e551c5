import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import type { OfficeConfigInput } from '../../config/config-schema.js';
import { KechuangError } from '../../errors/kechuang-error.js';
import { parseInput } from '../../errors/validation.js';
import { submitRequestInput, type ServiceRequest } from '../../model/request.js';
import { configInForce, latestConfig, storeConfig, toStoredConfig, type StoredConfig } from '../../pipeline/office-config.js';
import type { RoutingResult } from '../../pipeline/routing-step.js';
import { officePolicy } from '../../pipeline/office-policy.js';
import { loadActor, type Runtime } from '../../pipeline/runtime.js';
import { rowToRecord } from '../../storage/records.js';

/** Options of {@link ConfigApi.update}. */
export interface ConfigUpdateOptions {
  /** For text: the file name, which picks YAML or JSON and prefixes positions in messages. */
  filename?: string;
  /** The version the edit started from; a newer one in storage is a CONFLICT. */
  version?: number;
}

/** The office's config: read it, see its history, store a new version. */
export interface ConfigApi {
  /** The config in force (the highest version), or null when the office has none. */
  get(): Promise<StoredConfig | null>;
  /** Every stored version, oldest first. */
  history(): Promise<StoredConfig[]>;
  /**
   * Validates a config — an object, or YAML/JSON text — and stores it as a new version. It
   * takes effect only once valid and whole: problems (with YAML line and column) are one
   * VALIDATION_FAILED listing all of them, and nothing is stored.
   *
   * @example
   * ```ts
   * const text = await readFile('kechuang.config.yaml', 'utf8');
   * const { version } = await head.config.update(text, { filename: 'kechuang.config.yaml' });
   * ```
   */
  update(config: OfficeConfigInput | string, options?: ConfigUpdateOptions): Promise<StoredConfig>;
}

/** What `routing.explain` tells: the decision and why, with nothing written. */
export interface RoutingExplanation extends Pick<RoutingResult, 'configVersion' | 'facts' | 'outcome' | 'decision'> {
  /** Every rule in order, whether it matched, and the trace of its condition. */
  rules: NonNullable<RoutingResult['rules']>;
}

/** Explaining routing decisions. */
export interface RoutingApi {
  /**
   * Routes a would-be request without writing anything: the decision, every rule and whether
   * it matched, and for every condition the actual value tested and whether it passed.
   *
   * @example
   * ```ts
   * const why = await head.routing.explain({ communityId, channel: 'phone', category: 'legal', title: '尾款未结' });
   * console.log(why.decision.reason);
   * ```
   */
  explain(input: z.input<typeof submitRequestInput>, options?: ExplainOptions): Promise<RoutingExplanation>;
}

/** Options of {@link RoutingApi.explain}. */
export interface ExplainOptions {
  /**
   * Explain under this draft config — an object, or YAML/JSON text — instead of the one in
   * force, without storing it: "where would requests go if this went live?". It is validated
   * like `config.update` (problems with line and column); the explanation's `configVersion` is
   * then 0. @default the office's config in force
   */
  config?: OfficeConfigInput | string;
  /** The draft's file name, for problem positions. @default none */
  filename?: string;
}

export function configApi(runtime: Runtime, who: Actor): ConfigApi {
  return {
    async get() {
      const actor = await loadActor(runtime, who, 'read');
      // The host's createCommunity({ config }) counts as in force from the first use on.
      return configInForce(runtime, actor.officeId);
    },
    async history() {
      const actor = await loadActor(runtime, who, 'read');
      const rows = await runtime.storage.findMany({
        model: 'office_config',
        where: [{ field: 'officeId', value: actor.officeId }],
        orderBy: [{ field: 'version' }],
      });
      return rows.map((r) => toStoredConfig(rowToRecord(r)));
    },
    async update(input, options = {}) {
      const actor = await loadActor(runtime, who);
      if (!runtime.policy.canManageDirectory(actor, 'office')) {
        throw new KechuangError('FORBIDDEN', "You may not change the office's config; ask the station head or office staff.", { model: 'office_config' });
      }
      // Validating, the plugins' hooks and storing load on first use.
      return (await import('./config-changes.js')).updateConfig(runtime, actor, input, options, { latestConfig, storeConfig });
    },
  };
}

export function routingApi(runtime: Runtime, who: Actor): RoutingApi {
  return {
    async explain(raw, options = {}) {
      const input = parseInput(submitRequestInput, raw, 'explain input');
      const actor = await loadActor(runtime, who, 'read');
      const now = runtime.clock.now();
      const request: Pick<ServiceRequest, 'officeId' | 'communityId' | 'parkId' | 'buildingId' | 'enterpriseId' | 'category' | 'channel' | 'priority' | 'attributes' | 'title' | 'description' | 'tags' | 'createdAt'> = {
        ...input,
        officeId: actor.officeId,
        createdAt: now,
      };
      const policy =
        options.config === undefined
          ? await officePolicy(runtime, actor.officeId)
          : await (await import('./config-changes.js')).draftPolicy(runtime, actor.officeId, options.config, options.filename);
      const result = policy ? await policy.route(request, { explain: true }) : null;
      if (!result) {
        throw new KechuangError('NOT_FOUND', 'This office has no config yet, so there is no routing to explain. Store one with config.update first.', { model: 'office_config' });
      }
      return { configVersion: result.configVersion, facts: result.facts, outcome: result.outcome, decision: result.decision, rules: result.rules ?? [] };
    },
  };
}
