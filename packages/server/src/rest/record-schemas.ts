import { z } from '@hono/zod-openapi';
import { OFFICE_CONFIG_SCHEMA_ID } from '@kechuang/community/config';
import { pageSchema, recordSchema, serviceRequestSchema, timelineEntrySchema } from './response-schemas.js';

// Response bodies of the directory, office, config, visit, metrics, dead-letter and failed-timer routes,
// documented by their main fields like those in response-schemas.ts: loose objects, so that a
// field a newer SDK adds is not a breaking change for clients.

const directoryFields = {
  officeId: z.string(),
  code: z.string().openapi({ description: 'The stable code, unique in the office (an enterprise: its credit code).' }),
  version: z.number().int().openapi({ description: 'Send it back with an update to be told of a concurrent change.' }),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
};

/** A street office (街道). */
export const officeSchema = recordSchema('Office', { ...directoryFields, name: z.string(), timeZone: z.string() });
/** A community (社区). */
export const communitySchema = recordSchema('Community', { ...directoryFields, name: z.string() });
/** A park (园区) or factory area (厂区). */
export const parkSchema = recordSchema('Park', { ...directoryFields, communityId: z.string(), name: z.string(), kind: z.enum(['park', 'factory_area']), address: z.string().nullable() });
/** A building (楼宇). */
export const buildingSchema = recordSchema('Building', { ...directoryFields, parkId: z.string(), communityId: z.string(), name: z.string(), floors: z.number().int().nullable() });
/** An enterprise (企业). */
export const enterpriseSchema = recordSchema('Enterprise', {
  ...directoryFields,
  name: z.string(),
  communityId: z.string(),
  parkId: z.string().nullable(),
  buildingId: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.string().nullable(),
  tags: z.array(z.string()),
});
/** A team of providers. */
export const teamSchema = recordSchema('Team', { ...directoryFields, name: z.string(), kind: z.string() });
/** A member: staff, volunteer, specialist or enterprise contact. */
export const memberSchema = recordSchema('Member', {
  ...directoryFields,
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(z.looseObject({ role: z.string() })),
  status: z.enum(['active', 'away', 'left']),
});

/** The caller and, for a member, their member record. */
export const meSchema = z
  .object({
    actor: z.object({ kind: z.enum(['member', 'system']), officeId: z.string(), memberId: z.string().optional() }),
    member: memberSchema.nullable().openapi({ description: 'Null for the system actor (an API key acting for the office).' }),
  })
  .openapi('Me');

/** A visit (走访). */
export const visitSchema = recordSchema('Visit', {
  officeId: z.string(),
  communityId: z.string(),
  enterpriseId: z.string(),
  visitedAt: z.string(),
  visitorIds: z.array(z.string()),
  summary: z.string(),
  requestIds: z.array(z.string()),
});

/** What recording a visit created. */
export const recordedVisitSchema = z.object({ visit: visitSchema, requests: z.array(serviceRequestSchema) }).openapi('RecordedVisit');

/** Everything the community has done with one enterprise. */
export const enterpriseLifecycleSchema = z
  .object({
    enterprise: enterpriseSchema,
    requests: z.array(serviceRequestSchema),
    visits: z.array(visitSchema),
    summary: z.looseObject({ requests: z.number().int(), open: z.number().int(), visits: z.number().int() }),
  })
  .openapi('EnterpriseLifecycle');

/** The office config as stored, without its own schema here (it is recursive; see the JSON Schema). */
export const officeConfigBodySchema = z.looseObject({}).openapi('OfficeConfig', {
  description: `Portfolios, categories, SLA policies, the working calendar and routing rules. The full JSON Schema is ${OFFICE_CONFIG_SCHEMA_ID}.`,
});

/** One stored version of the office config. */
export const storedConfigSchema = z
  .object({ officeId: z.string(), version: z.number().int(), config: officeConfigBodySchema, createdAt: z.string(), createdById: z.string().nullable() })
  .openapi('StoredConfig');

/** Why routing would decide as it does, rule by rule. */
export const routingExplanationSchema = z
  .looseObject({
    configVersion: z.number().int().openapi({ description: '0 when explained under a draft config.' }),
    facts: z.looseObject({}),
    outcome: z.looseObject({}),
    decision: z.looseObject({}),
    rules: z.array(z.looseObject({})),
  })
  .openapi('RoutingExplanation');

/** The figures of a period. */
export const metricsResultSchema = z
  .looseObject({
    officeId: z.string(),
    period: z.looseObject({}),
    asOf: z.string(),
    groupBy: z.array(z.string()),
    evaluation: z.enum(['database', 'in_memory']),
    measures: z
      .record(z.string(), z.object({ field: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }) }))
      .openapi({ description: "The plugins' measures by name (`<plugin-id>.<name>`): the date field each counts by and its labels." }),
    total: z.looseObject({
      counts: z.looseObject({}),
      measures: z.record(z.string(), z.number()).openapi({ description: "Each plugin measure's count, as in every row." }),
      rates: z.looseObject({}),
    }),
    rows: z.array(z.looseObject({})),
  })
  .openapi('MetricsResult');

/** A notification that could not be delivered. */
export const deadLetterSchema = recordSchema('DeadLetter', {
  officeId: z.string(),
  requestId: z.string().nullable(),
  event: z.string(),
  notifierId: z.string(),
  channel: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deadAt: z.string().nullable(),
  createdAt: z.string(),
});

/** A page of dead letters. */
export const deadLetterPageSchema = pageSchema('DeadLetterPage', deadLetterSchema);

/** A timer (SLA reminder or escalation, or a plugin's), as the failed-timer routes show it. */
export const failedTimerSchema = recordSchema('FailedTimer', {
  officeId: z.string(),
  requestId: z.string().nullable(),
  kind: z.string().openapi({ description: 'What fires: `sla.reminder`, `sla.escalation`, or a plugin\'s `<plugin-id>.<name>`.' }),
  key: z.string(),
  dueAt: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable().openapi({ description: 'The last failed firing\'s error message.' }),
  failedAt: z.string().nullable().openapi({ description: 'When the worker gave up on it; null once retried.' }),
  firedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

/** A page of failed timers. */
export const failedTimerPageSchema = pageSchema('FailedTimerPage', failedTimerSchema);

// Re-exported so route files import their schemas from one place.
export { pageSchema, serviceRequestSchema, timelineEntrySchema };
