import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { channels, priorities, type CommunitySession, type RoutingExplanation, type SubmitRequestInput } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { databaseOptions, flagOption, stringOption } from '../command-options.js';
import { DEFAULT_CONFIG_FILE, loadConfigFile } from '../config-file.js';
import { exitCodes } from '../exit-codes.js';
import { parseTime } from '../parse-time.js';
import { routeMessages, type RouteMessages } from './route-messages.js';
import { renderExplanation, type RouteNames } from './route-render.js';

/** Keys of a request file that name directory records by code rather than by id. */
const CODE_KEYS = ['community', 'park', 'building', 'enterprise', 'text'] as const;

function readRequestFile(file: string, cwd: string, m: RouteMessages): Record<string, unknown> {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) throw new CliError(exitCodes.notFound, m.missingFile(file));
  const text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(exitCodes.problems, m.badJson(file, error instanceof Error ? error.message : String(error)));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(exitCodes.problems, m.badJson(file, 'expected an object'));
  return { ...(value as Record<string, unknown>) };
}

/** Takes a string field out of the request file, leaving the rest for the SDK to validate. */
function take(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (typeof value !== 'string') return undefined;
  delete record[key];
  return value;
}

/** The community id: by code, from the park or enterprise, else the office's only community. */
async function communityId(session: CommunitySession, code: string | undefined, inferred: string | null, m: RouteMessages): Promise<string> {
  if (code !== undefined) {
    const community = await session.communities.findByCode(code);
    if (community === null) throw new CliError(exitCodes.notFound, m.noCommunity(code));
    return community.id;
  }
  if (inferred !== null) return inferred;
  const page = await session.communities.list({ limit: 20 });
  const [only, ...others] = page.items;
  if (only === undefined) throw new CliError(exitCodes.notFound, m.noCommunities);
  if (others.length > 0) throw new CliError(exitCodes.usage, m.severalCommunities(page.items.map((c) => c.code)));
  return only.id;
}

/** Builds the would-be request from the file and the flags (flags win), codes resolved to ids. */
async function buildInput(session: CommunitySession, file: Record<string, unknown>, options: Record<string, unknown>, m: RouteMessages): Promise<SubmitRequestInput> {
  const codes = Object.fromEntries(CODE_KEYS.map((key) => [key, take(file, key)]));
  const pick = (flag: string, key: string): string | undefined => stringOption(options, flag) ?? codes[key] ?? undefined;
  let inferredCommunity: string | null = null;
  const ids: { parkId?: string; buildingId?: string; enterpriseId?: string } = {};
  const parkCode = pick('park', 'park');
  if (parkCode !== undefined) {
    const park = await session.parks.findByCode(parkCode);
    if (park === null) throw new CliError(exitCodes.notFound, m.noPark(parkCode));
    ids.parkId = park.id;
    inferredCommunity = park.communityId;
  }
  const buildingCode = pick('building', 'building');
  if (buildingCode !== undefined) {
    const building = await session.buildings.findByCode(buildingCode);
    if (building === null) throw new CliError(exitCodes.notFound, m.noBuilding(buildingCode));
    ids.buildingId = building.id;
    ids.parkId ??= building.parkId;
  }
  const enterpriseCode = pick('enterprise', 'enterprise');
  if (enterpriseCode !== undefined) {
    const enterprise = await session.enterprises.findByCode(enterpriseCode.trim().toUpperCase());
    if (enterprise === null) throw new CliError(exitCodes.notFound, m.noEnterprise(enterpriseCode));
    ids.enterpriseId = enterprise.id;
    inferredCommunity ??= enterprise.communityId;
    if (enterprise.parkId !== null) ids.parkId ??= enterprise.parkId;
  }
  const category = stringOption(options, 'category') ?? (typeof file['category'] === 'string' ? file['category'] : undefined);
  if (category === undefined) throw new CliError(exitCodes.usage, m.needCategory);
  const text = stringOption(options, 'text') ?? codes['text'];
  const fileCommunityId = typeof file['communityId'] === 'string' ? file['communityId'] : null;
  // The rest of the file goes to the SDK as it is: explain validates every field and reports
  // each problem with its path, so nothing here second-guesses it.
  const rest = file as Partial<SubmitRequestInput>;
  return {
    channel: 'phone',
    ...rest,
    ...ids,
    title: text?.slice(0, 200) ?? rest.title ?? category,
    description: text !== undefined && text.length > 200 ? text : (rest.description ?? ''),
    category,
    communityId: await communityId(session, pick('community', 'community'), fileCommunityId ?? inferredCommunity, m),
    ...(stringOption(options, 'channel') === undefined ? {} : { channel: stringOption(options, 'channel') as SubmitRequestInput['channel'] }),
    ...(stringOption(options, 'priority') === undefined ? {} : { priority: stringOption(options, 'priority') as SubmitRequestInput['priority'] }),
  };
}

/** The names of the members and teams an explanation mentions. */
async function namesFor(session: CommunitySession, explanation: RoutingExplanation): Promise<RouteNames> {
  const memberIds = new Set<string>([...(explanation.decision.memberId === null ? [] : [explanation.decision.memberId]), ...explanation.decision.skipped.map((s) => s.memberId)]);
  const members = new Map<string, { code: string; name: string }>();
  for (const id of memberIds) {
    const member = await session.members.get(id).catch(() => null);
    if (member !== null) members.set(id, { code: member.code, name: member.name });
  }
  const teams = new Map<string, { code: string; name: string }>();
  const page = await session.teams.list({ limit: 200 });
  for (const team of page.items) teams.set(team.id, { code: team.code, name: team.name });
  return { members, teams };
}

/** `kechuang route --explain`: where a request would go, and why, rule by rule. */
export function registerRoute(program: Command, ctx: CliContext): void {
  const m = routeMessages[ctx.lang];
  program
    .command('route')
    .description(m.description)
    .argument('[request.json]', m.request)
    .option('--explain', m.explain)
    .option('--text <text>', m.text)
    .option('--category <id>', m.category)
    .option('--park <code>', m.park)
    .option('--building <code>', m.building)
    .addOption(new Option('--channel <channel>', m.channel).choices(channels))
    .option('--enterprise <credit code>', m.enterprise)
    .option('--community <code>', m.community)
    .addOption(new Option('--priority <priority>', m.priority).choices(priorities))
    .option('--at <time>', m.at)
    .option('--config <file>', m.config)
    .option('--json', m.json)
    .addHelpText('after', m.examples)
    .action(async (requestFile: string | undefined, options: Record<string, unknown>, command: Command) => {
      // Without --config, ./kechuang.config.yaml is explained as a draft when it exists — nothing
      // is stored — and otherwise the office's config in force (e.g. right after `kechuang demo`).
      const configFile = stringOption(options, 'config') ?? (existsSync(path.resolve(ctx.io.cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
      const fromFile = configFile === undefined ? undefined : (await loadConfigFile(configFile, ctx.io.cwd, ctx.lang, await ctx.app())).config;
      const file = requestFile === undefined ? {} : readRequestFile(requestFile, ctx.io.cwd, m);
      // The submission time is read in the config's zone, which for a stored config is known
      // only once the office is open; the clock is asked only when explain runs.
      const clock: { at: Date | undefined; now(): Date } = { at: undefined, now: () => new Date(clock.at ?? Date.now()) };
      const office = await ctx.openOffice({ ...databaseOptions(command), clock });
      try {
        const config = fromFile ?? (await office.session.config.get())?.config;
        if (config === undefined) throw new CliError(exitCodes.notFound, m.noConfig);
        const atText = stringOption(options, 'at');
        if (atText !== undefined) {
          clock.at = parseTime(atText, config.calendar.timeZone);
          if (clock.at === undefined) throw new CliError(exitCodes.usage, m.badAt(atText));
        }
        const input = await buildInput(office.session, file, options, m);
        const explanation = await office.session.routing.explain(input, fromFile === undefined ? {} : { config: fromFile });
        if (flagOption(options, 'json')) {
          ctx.io.out(JSON.stringify(explanation, null, 2));
          return;
        }
        const names = await namesFor(office.session, explanation);
        for (const line of renderExplanation(explanation, config, names, m, ctx.lang)) ctx.io.out(line);
      } finally {
        await office.close();
      }
    });
}
