/**
 * `@kechuang/community/schemas`: the zod schemas every command and query validates its input
 * with, for hosts that validate or describe input at their own edge (an HTTP API, an OpenAPI
 * document, a form). The SDK validates again on every call, so these are a convenience, not a
 * gate.
 *
 * @example
 * ```ts
 * import { requestCommandInputs, submitRequestInput } from '@kechuang/community/schemas';
 * const parsed = requestCommandInputs.assign.safeParse(body);
 * ```
 *
 * @module @kechuang/community/schemas
 */
import type { z } from 'zod';
import { requestCommands, type RequestCommands } from '../commands/request/index.js';

export { submitRequestInput } from '../model/request.js';
export { transitionRequestInput } from '../commands/request/transition-command.js';
export { recordVisitInput } from '../model/visit.js';
export { requestListInput } from '../queries/request-queries.js';
export { metricsQueryInput, metricsPeriodInput } from '../metrics/metrics-input.js';
export { monthlyReportInput, reportUnits, reportLocales, reportFormats } from '../reports/report-input.js';
export { officeConfigSchema } from '../config/config-schema.js';
export { createOfficeInput, updateOfficeInput } from '../model/office.js';
export { createCommunityInput, updateCommunityInput } from '../model/community-unit.js';
export { createParkInput, updateParkInput } from '../model/park.js';
export { createBuildingInput, updateBuildingInput } from '../model/building.js';
export { createEnterpriseInput, updateEnterpriseInput } from '../model/enterprise.js';
export { createTeamInput, updateTeamInput } from '../model/team.js';
export { createMemberInput, updateMemberInput } from '../model/member.js';

/** The input schema of each request command except `submit`, by command name (`assign`, `follow_up`, …). */
export const requestCommandInputs = Object.fromEntries(Object.entries(requestCommands).map(([name, command]) => [name, command.input])) as {
  [K in keyof RequestCommands]: RequestCommands[K]['input'];
};

/** A request command's name, as in {@link requestCommandInputs}. */
export type RequestCommandInputName = keyof RequestCommands;

/** The parsed input of a request command. */
export type RequestCommandInput<K extends RequestCommandInputName> = z.output<RequestCommands[K]['input']>;
