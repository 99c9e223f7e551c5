/**
 * @kechuang/community — the core SDK for tech-innovation communities (科创社区).
 *
 * @module @kechuang/community
 */

// The facade
export { createCommunity, type Community, type CommunityOptions, type AnyCommunity } from './community.js';
export type { CommunitySession, EnterprisesApi, VisitsApi } from './session.js';
export type { RequestsApi } from './requests-api.js';
export type { TransitionRequestInput } from './commands/request/transition-command.js';
export type { OfficesApi, OwnOfficeApi } from './commands/directory/office-service.js';
export type { DirectoryApi, DirectoryListOptions } from './commands/directory/directory-service.js';
export type { RecordedVisit, RecordVisitInput } from './commands/visit/record-visit.js';
export type { Page } from './queries/cursor.js';
export type { RequestWithTimeline, RequestListInput } from './queries/request-queries.js';
export type { EnterpriseLifecycle } from './queries/enterprise-lifecycle.js';

// Errors
export { ERROR_CODES, type ErrorCode } from './errors/error-codes.js';
export { KechuangError, isKechuangError, type ErrorDetails, type ValidationIssue } from './errors/kechuang-error.js';

// The model
export {
  idSchema,
  codeSchema,
  nameSchema,
  tagsSchema,
  mobileSchema,
  type RecordBase,
} from './model/common.js';
export { checkCreditCode, creditCodeCheckCharacter, isValidCreditCode, type CreditCodeProblem } from './model/credit-code.js';
export { createOfficeInput, updateOfficeInput, type Office } from './model/office.js';
export { createCommunityInput, updateCommunityInput, type Community as CommunityUnit } from './model/community-unit.js';
export { createParkInput, updateParkInput, type Park } from './model/park.js';
export { createBuildingInput, updateBuildingInput, type Building } from './model/building.js';
export {
  createEnterpriseInput,
  updateEnterpriseInput,
  creditCodeSchema,
  enterpriseSizes,
  type Enterprise,
  type EnterpriseSize,
} from './model/enterprise.js';
export {
  createMemberInput,
  updateMemberInput,
  memberRoleSchema,
  memberStatuses,
  defaultPortfolios,
  memberContactSchema,
  memberLocales,
  type Member,
  type MemberRole,
  type MemberStatus,
  type RoleName,
  type MemberContact,
  type MemberLocale,
} from './model/member.js';
export { createTeamInput, updateTeamInput, type Team } from './model/team.js';
export { attachmentSchema, type Attachment } from './model/attachment.js';
export {
  submitRequestInput,
  channels,
  outcomes,
  satisfactionLevels,
  priorities,
  externalRefSchema,
  contactSchema,
  attributeValueSchema,
  type SubmitRequestInput,
  type ServiceRequest,
  type AssistingUnit,
  type ReturnInfo,
  type RoutingRecord,
  type Supervision,
  type ExtensionRecord,
  type Channel,
  type Outcome,
  type Satisfaction,
  type Priority,
  type AttributeValue,
  type ExternalRef,
  type Contact,
} from './model/request.js';
export { recordVisitInput, type Visit } from './model/visit.js';
export type { TimelineEntry, ActorRef } from './model/timeline.js';

// The office config and routing. Their runtime pieces (the loader, the JSON Schema, the rule
// compiler) live in the `./config` and `./routing` entries, so that an embedding that never
// touches them does not load them.
export type { OfficeConfig, OfficeConfigInput, Condition, AssignTarget, Rule, Labels, NotificationsConfig, NotifyRule, NotifyRecipient } from './config/config-schema.js';
export type { ConfigApi, ConfigUpdateOptions, RoutingApi, RoutingExplanation, ExplainOptions } from './commands/config/config-service.js';
export type { StoredConfig } from './pipeline/office-config.js';
export type * from './routing/types.js';

// The workflow
export { defineWorkflow, findTransition, type TransitionDefinition, type WorkflowDefinition, type WorkflowRole } from './workflow/workflow-definition.js';
export { defaultWorkflow, requestStates, type RequestState } from './workflow/default-workflow.js';

// Authorization
export type { Actor, ResolvedActor } from './auth/actor.js';
export { defaultAuthorizationPolicy, type AuthorizationPolicy, type DirectoryAccess, type DirectoryModel, type RequestScope } from './auth/authorization-policy.js';

// Events and plugins
export type { EventBus, Listener, ListenerErrorReporter } from './events/event-bus.js';
export type { CoreEvents, RequestEvent, DirectoryEvent, RequestCommandName, TransitionEvent } from './events/core-events.js';
export {
  definePlugin,
  type Plugin,
  type PluginDefinition,
  type PluginFactory,
  type PluginTypes,
  type EventsOfPlugins,
  type FieldsOfPlugins,
} from './plugins/define-plugin.js';
export type { PluginSetupContext } from './plugins/plugin-context.js';
export type { PluginEventSchemas, PluginEventTypes, PluginSchema, PluginFieldExtensions, ExtensibleModel, FieldValues } from './plugins/plugin-types.js';
export type { WithPluginFields, PluginZodSchema } from './plugins/plugin-types.js';
export type { FieldMapOfPlugins } from './plugins/define-plugin.js';
export type { RequestsApiOf } from './plugins/requests-with-fields.js';
export type { PluginTimer } from './plugins/plugin-timer.js';
export type { PluginErrorCodes } from './plugins/plugin-errors.js';
export type { PluginErrorCode } from './errors/error-codes.js';
export type { InstalledPlugin } from './plugins/plugin-registry.js';
export type { PluginRoute, PluginRouteContext, PluginRouteMethod } from './plugins/plugin-routes.js';
export { pluginRoutesOf, type PluginHttpRoute } from './plugins/plugin-routes-of.js';
export { configOptionsOf } from './config/config-options-of.js';
export type { PluginRoutingAction, PluginActionEffect, PluginActionRun, PluginAssignmentStrategy } from './routing/plugin-routing.js';
export type { PluginMeasure, MetricsMeasure } from './metrics/plugin-measure.js';
export type { PluginNotice } from './notify/plugin-notice.js';
export type {
  BeforeHook,
  BeforeHookContext,
  TransactionHook,
  TransactionHookContext,
  AfterHook,
  CommittedChange,
  HookContextBase,
  HookTarget,
  PluginCommandName,
  SystemCommandName,
  EscalateInput,
  EscalationChange,
  EscalationTransactionContext,
} from './plugins/hooks.js';
export type { RecordAfterHook, RecordBeforeContext, RecordBeforeHook, RecordChange, RecordCommandName, RecordHookContextBase, RecordHookTarget, RecordModel, RecordModelOf, RecordModels, RecordTransactionContext, RecordTransactionHook } from './plugins/hooks.js';

// Working calendars (runtime pieces in the `./calendar` entry)
export type {
  WorkingCalendar,
  CalendarDay,
  CalendarDayInput,
  CalendarConfig,
  CalendarConfigInput,
  CalendarSchedule,
  CalendarDayEntry,
  CalendarPresetName,
  DayKind,
} from './calendar/index.js';

// SLA
export { slaState } from './sla/sla-state.js';
export type { SlaState, SlaEngine, WorkingTime } from './sla/sla-engine.js';
export type { SlaPolicy, TimeLimit } from './config/config-schema.js';
export type { SlaReminderEvent } from './events/core-events.js';

// Timers and the worker
export { createWorker, type Worker, type WorkerOptions, type WorkerEvents, type WorkerNotifyStats } from './worker/create-worker.js';
export type { TimerRecord, TimerDraft, TimerStatus } from './timers/timer-record.js';
export type { TimerHandler, TimerFireContext, TimerFireResult } from './timers/timer-handlers.js';

// Who is told what: the types recipient rules and templates are written in. Their code (rules,
// templates, masking) loads on first use, so none of it is exported from here: an export
// would load it at start.
export type { NotificationEvent, PluginNotificationEvent, AnyNotificationEvent } from './notify/notification-events.js';
export type { TemplateVariable, TemplateVars } from './notify/template-vars.js';
export type { NotificationTemplate, PluginNotificationTemplate, TemplatePart } from './notify/notification-template.js';

// Ports
export { systemClock, manualClock, type Clock, type ManualClock } from './ports/clock.js';
export { uuidv7, uuidv7Generator, sequentialIds, type IdGenerator, type UuidV7Options } from './ports/ids.js';
export { sha256Hex, type BlobStore } from './ports/blob-store.js';
export { memoryBlobStore } from './ports/memory-blob-store.js';

// Notifications
export { notifyError, type NotificationLocale, type NotificationMessage, type NotificationRecipient, type NotifyContext, type NotifyResult, type Notifier } from './notify/notifier.js';
export type { OutboxRecord, OutboxStatus, OutboxMessage } from './notify/dispatch-record.js';
export type { NotifyWorkerOptions } from './notify/dispatch-settings.js';
export type { NotificationsApi, DeadLetterListInput } from './notify/notifications-api.js';
export type { TimersApi, FailedTimerListInput } from './timers/failed-timers.js';

// Metrics
export type { MetricsApi } from './metrics/metrics-api.js';
export type { MetricsQueryInput, MetricsPeriodInput } from './metrics/metrics-input.js';
export type {
  MetricsDimension,
  MetricsLabel,
  MetricsCounts,
  MetricsRates,
  MetricsDurations,
  MetricsRow,
  MetricsPeriod,
  MetricsResult,
} from './metrics/metrics-types.js';
export type { MetricsConfig } from './config/config-schema.js';

// Reports
export type { ReportsApi } from './reports/reports-api.js';
export type { MonthlyReportInput, MonthlyReportOptions, ReportUnit, ReportLocale, ReportFormat } from './reports/report-input.js';
export type { MonthlyReport, MonthlyReportData, ReportUnitRow, ReportFigures, ReportSeriesMonth, ReportName } from './reports/report-types.js';

// Storage
export * from './storage/index.js';
export type { ClaimArgs } from './storage/types.js';
export { coreModels, buildSchema, CORE_SCHEMA_VERSION } from './storage/core-schema.js';

// Idempotency keys for hosts' edges (HTTP `Idempotency-Key`), kept in storage
export { idempotencyKeys, type IdempotencyKeys, type IdempotencyClaim, type IdempotencyClaimInput, type ClaimedKey } from './idempotency/idempotency-keys.js';

// The change feed: committed request changes in commit order, for live views across instances
export { readChanges, type RequestChange, type ReadChangesInput, type ChangesPage } from './changes/read-changes.js';

