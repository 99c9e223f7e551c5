import type { Clock, Community, CommunitySession, StorageAdapter } from '@kechuang/community';
import { APP_ENV, loadApp, type CliApp } from './app-module.js';
import type { CliIo } from './cli-io.js';
import { loadConfigFile } from './config-file.js';
import { findOffice, openStorage, readyCommunity, resolveDatabase, type DatabaseTarget } from './database.js';
import type { ExitCode } from './exit-codes.js';
import type { Lang } from './locale.js';

/** An office opened for a command: the SDK, the office's system session and how to let go. */
export interface OpenOffice {
  /** The community over the opened database. */
  community: Community;
  /** The office's system actor: sees and may do everything in the office. */
  session: CommunitySession;
  /** The office's id. */
  officeId: string;
  /** The office's code, as `--office` names it. */
  officeCode: string;
  /** The storage adapter over the database. */
  storage: StorageAdapter;
  /** Where the database is, for messages (passwords hidden). */
  where: string;
  /** Releases the database connections. */
  close(): Promise<void>;
}

/** An opened database with no office chosen (init, migrate, demo). */
export interface OpenDatabase {
  /** The community over the opened database. */
  community: Community;
  /** The storage adapter over the database. */
  storage: StorageAdapter;
  /** Which database it is. */
  target: DatabaseTarget;
  /** Where the database is, for messages (passwords hidden). */
  where: string;
  /** Releases the database connections. */
  close(): Promise<void>;
}

/** Options naming the database, the office and the config file a command works with. */
export interface OpenOfficeOptions {
  /** `--db`: a SQLite file or a postgres:// URL. @default DATABASE_URL, else ./kechuang.sqlite */
  db?: string;
  /** `--office`: the office code. @default the only office in the database */
  office?: string;
  /**
   * A config file to put in force in the office (stored as a new version only when it differs
   * from the one in force). @default none: the office keeps the config it has
   */
  config?: string;
  /** Where the SDK reads the time, e.g. a fixed instant for `route --at`. @default the system clock */
  clock?: Clock;
}

/** What every command gets: the I/O, the language, `--debug`, and the way to its data. */
export interface CliContext {
  /** Where the command reads and writes. */
  readonly io: CliIo;
  /** The language of messages: `zh-CN` or `en`. */
  readonly lang: Lang;
  /** Whether `--debug` was given: errors print their stack traces. */
  readonly debug: boolean;
  /** Opens the database and the office a command works in; errors are CliErrors with their exit codes. */
  openOffice(options: OpenOfficeOptions): Promise<OpenOffice>;
  /** Opens (and, with `create`, creates) the database without choosing an office. */
  openDatabase(options: { db?: string; create: boolean }): Promise<OpenDatabase>;
  /**
   * The app module `--app` or `KECHUANG_APP` names, imported and checked on first use; every
   * community the context opens gets its plugins and notifiers. Undefined without one.
   */
  app(): Promise<CliApp | undefined>;
  /** Sets the exit code for a command that reports problems without throwing. */
  setExitCode(code: ExitCode): void;
}

/** Lets go of an opened community: the plugins' teardowns first, then the connections. */
function closer(community: Community, storage: StorageAdapter): () => Promise<void> {
  return async () => {
    try {
      await community.close();
    } finally {
      await storage.close?.();
    }
  };
}

/**
 * Builds the context `runCli` hands to every command. `appFlag` reads `--app` once commander
 * has parsed it; the module is imported only when a command first needs it, so commands that
 * open no community never load it.
 */
export function createCliContext(io: CliIo, lang: Lang, debug: boolean, setExitCode: (code: ExitCode) => void, appFlag: () => string | undefined = () => undefined): CliContext {
  let loaded: Promise<CliApp | undefined> | undefined;
  const app = (): Promise<CliApp | undefined> => {
    if (loaded === undefined) {
      const flag = appFlag();
      const fromEnv = io.env[APP_ENV];
      if (flag !== undefined && flag !== '') loaded = loadApp(flag, '--app', io.cwd, lang);
      else if (fromEnv !== undefined && fromEnv !== '') loaded = loadApp(fromEnv, APP_ENV, io.cwd, lang);
      else loaded = Promise.resolve(undefined);
    }
    return loaded;
  };
  const withApp = async (): Promise<Pick<CliApp, 'plugins' | 'notifiers'> | Record<never, never>> => {
    const found = await app();
    return found === undefined ? {} : { plugins: found.plugins, notifiers: found.notifiers };
  };
  const openDatabase = async (options: { db?: string; create: boolean }): Promise<OpenDatabase> => {
    // The module first: a broken one fails before any database is opened.
    const extra = await withApp();
    const target = resolveDatabase(options.db, io.env, io.cwd);
    const storage = openStorage(target, lang, { mustExist: !options.create });
    const community = await readyCommunity(storage, target, lang, extra);
    return { community, storage, target, where: target.where, close: closer(community, storage) };
  };
  return {
    io,
    lang,
    debug,
    setExitCode,
    app,
    openDatabase,
    async openOffice(options) {
      const extra = await withApp();
      const config = options.config === undefined ? undefined : (await loadConfigFile(options.config, io.cwd, lang, await app())).config;
      const target = resolveDatabase(options.db, io.env, io.cwd);
      const storage = openStorage(target, lang, { mustExist: true });
      const community = await readyCommunity(storage, target, lang, { ...extra, ...(config === undefined ? {} : { config }), ...(options.clock === undefined ? {} : { clock: options.clock }) });
      try {
        const office = await findOffice(community, storage, target, lang, options.office);
        return { community, storage, where: target.where, ...office, close: closer(community, storage) };
      } catch (error) {
        await closer(community, storage)().catch(() => undefined);
        throw error;
      }
    },
  };
}
