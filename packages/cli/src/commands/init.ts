import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import type { CommunitySession } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { databaseOptions, flagOption, stringOption } from '../command-options.js';
import { DEFAULT_CONFIG_FILE } from '../config-file.js';
import { DEFAULT_DATABASE_FILE } from '../database.js';
import { exitCodes } from '../exit-codes.js';
import { initMessages } from './init-messages.js';
import { STARTER_TEAMS, initConfigText } from './init-template.js';

const SCHEMA_SPECIFIER = '@kechuang/community/kechuang.config.schema.json';
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The `$schema` reference of the written config: the relative path from the config to the
 * schema file as installed beside this CLI. When the CLI runs from npx's throw-away cache, that
 * path would break on the next cache clean, so the reference is then the path the file has
 * once the project installs @kechuang/community itself (`node_modules/…`).
 */
export function schemaReference(configDir: string): string {
  const fallback = `./node_modules/${SCHEMA_SPECIFIER}`;
  let installed: string;
  try {
    installed = createRequire(import.meta.url).resolve(SCHEMA_SPECIFIER);
  } catch {
    return fallback;
  }
  if (installed.split(path.sep).includes('_npx')) return fallback;
  const relative = path.relative(configDir, installed).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

async function createDirectory(session: CommunitySession, communityCode: string, communityName: string, say: (line: string) => void, m: (typeof initMessages)['en']): Promise<void> {
  const communities = await session.communities.list({ limit: 1 });
  if (communities.items.length === 0) {
    await session.communities.create({ code: communityCode, name: communityName });
    say(m.communityCreated(communityCode, communityName));
  }
  for (const team of STARTER_TEAMS) {
    if ((await session.teams.findByCode(team.code)) === null) {
      await session.teams.create({ ...team });
      say(m.teamCreated(team.code, team.name));
    }
  }
}

/** `kechuang init [dir]`: the starting config, the database and the office. */
export function registerInit(program: Command, ctx: CliContext): void {
  const m = initMessages[ctx.lang];
  program
    .command('init')
    .description(m.description)
    .argument('[dir]', m.dir)
    .option('--office-code <code>', m.officeCode)
    .option('--office-name <name>', m.officeName)
    .option('--community-code <code>', m.communityCode, 'C01')
    .option('--community-name <name>', m.communityName)
    .option('--force', m.force)
    .addHelpText('after', m.examples)
    .action(async (dirArg: string | undefined, options: Record<string, unknown>, command: Command) => {
      const { io } = ctx;
      const dir = path.resolve(io.cwd, dirArg ?? '.');
      const configFile = path.join(dir, DEFAULT_CONFIG_FILE);
      const shown = path.relative(io.cwd, configFile) || configFile;
      if (existsSync(configFile) && !flagOption(options, 'force')) throw new CliError(exitCodes.notFound, m.exists(shown));
      const base = path.basename(dir);
      const officeCode = stringOption(options, 'officeCode') ?? (CODE.test(base) ? base : 'office');
      const officeName = stringOption(options, 'officeName') ?? m.defaultOfficeName;
      const communityCode = stringOption(options, 'communityCode') ?? 'C01';
      const communityName = stringOption(options, 'communityName') ?? m.defaultCommunityName;

      mkdirSync(dir, { recursive: true });
      const schemaRef = schemaReference(dir);
      const text = initConfigText(ctx.lang, schemaRef);
      writeFileSync(configFile, text, 'utf8');
      io.out(m.wroteConfig(shown));
      io.out(m.schema(schemaRef));

      const { db } = databaseOptions(command);
      const defaultDb = db === undefined && (io.env['DATABASE_URL'] ?? '') === '' ? path.join(dir, DEFAULT_DATABASE_FILE) : db;
      const opened = await ctx.openDatabase({ ...(defaultDb === undefined ? {} : { db: defaultDb }), create: true });
      try {
        io.out(m.database(opened.where));
        const existing = await opened.community.offices.findByCode(officeCode);
        const office = existing ?? (await opened.community.offices.create({ code: officeCode, name: officeName }));
        io.out(existing === null ? m.officeCreated(officeCode, officeName) : m.officeKept(officeCode));
        const session = opened.community.as({ kind: 'system', officeId: office.id });
        await createDirectory(session, communityCode, communityName, (line) => io.out(line), m);
        const stored = await session.config.update(text, { filename: DEFAULT_CONFIG_FILE });
        io.out(m.configStored(stored.version));
      } finally {
        await opened.close();
      }
      const relativeDir = path.relative(io.cwd, dir);
      io.out(m.next(relativeDir === '' ? null : relativeDir));
    });
}
