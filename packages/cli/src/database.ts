import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCommunity, isKechuangError, type Clock, type Community, type CommunitySession, type Notifier, type OfficeConfigInput, type Plugin, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { CliError } from './cli-error.js';
import { exitCodes } from './exit-codes.js';
import type { Lang, Messages } from './locale.js';

/** The SQLite file a command uses when neither `--db` nor `DATABASE_URL` names a database. */
export const DEFAULT_DATABASE_FILE = 'kechuang.sqlite';

/** Where the data lives, as resolved from `--db`, `DATABASE_URL` or the default file. */
export type DatabaseTarget =
  | {
      /** A SQLite file. */
      kind: 'sqlite';
      /** The file's absolute path. */
      filename: string;
      /** The database as messages name it. */
      where: string;
    }
  | {
      /** A PostgreSQL database. */
      kind: 'postgres';
      /** The URL without its `schema` parameter. */
      connectionString: string;
      /** The schema the URL's `?schema=` names, if any. */
      schema?: string;
      /** The database as messages name it (password hidden). */
      where: string;
    };

const messages: Messages<{
  missingFile: (where: string) => string;
  cannotOpen: (where: string, reason: string) => string;
  noOffice: (where: string) => string;
  noSuchOffice: (code: string, codes: readonly string[]) => string;
  severalOffices: (codes: readonly string[]) => string;
}> = {
  'zh-CN': {
    missingFile: (where) => `数据库 ${where} 不存在。请先运行 \`kechuang init\`，或用 --db 指定数据库。`,
    cannotOpen: (where, reason) => `无法打开数据库 ${where}：${reason}`,
    noOffice: (where) => `数据库 ${where} 中还没有街道。请先运行 \`kechuang init\`。`,
    noSuchOffice: (code, codes) => `数据库中没有编码为 ${code} 的街道${codes.length > 0 ? `（现有：${codes.join('、')}）` : ''}。`,
    severalOffices: (codes) => `数据库中有多个街道（${codes.join('、')}），请用 --office <编码> 指定其一。`,
  },
  en: {
    missingFile: (where) => `There is no database at ${where}. Run \`kechuang init\` first, or name one with --db.`,
    cannotOpen: (where, reason) => `Cannot open the database ${where}: ${reason}`,
    noOffice: (where) => `The database ${where} holds no office yet. Run \`kechuang init\` first.`,
    noSuchOffice: (code, codes) => `The database holds no office with the code ${code}${codes.length > 0 ? ` (it has: ${codes.join(', ')})` : ''}.`,
    severalOffices: (codes) => `The database holds several offices (${codes.join(', ')}); choose one with --office <code>.`,
  },
};

/** A connection string with its password hidden, for messages. */
function printable(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password !== '') copy.password = '****';
  return copy.href;
}

/**
 * `--db` beats `DATABASE_URL`; else `./kechuang.sqlite` in `cwd`. A `postgres://` or
 * `postgresql://` URL means PostgreSQL (a `?schema=name` parameter picks the schema),
 * anything else is a SQLite file name.
 *
 * @example
 * ```ts
 * resolveDatabase(undefined, { DATABASE_URL: 'postgres://kc@db/kechuang?schema=cangqian' }, '/srv');
 * // { kind: 'postgres', connectionString: 'postgres://kc@db/kechuang', schema: 'cangqian', where: … }
 * ```
 */
export function resolveDatabase(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): DatabaseTarget {
  const given = flag !== undefined && flag !== '' ? flag : env['DATABASE_URL'] !== undefined && env['DATABASE_URL'] !== '' ? env['DATABASE_URL'] : undefined;
  if (given !== undefined && /^postgres(ql)?:\/\//i.test(given)) {
    const url = new URL(given);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    return schema === undefined || schema === ''
      ? { kind: 'postgres', connectionString: url.href, where: printable(url) }
      : { kind: 'postgres', connectionString: url.href, schema, where: `${printable(url)} (schema ${schema})` };
  }
  const file = given?.replace(/^(sqlite|file):(\/\/)?/i, '') ?? DEFAULT_DATABASE_FILE;
  const filename = path.resolve(cwd, file);
  return { kind: 'sqlite', filename, where: path.relative(cwd, filename) || filename };
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Opens the storage adapter for a target. `mustExist` refuses a SQLite file that is not
 * there (exit 3) instead of creating an empty database behind the user's back.
 */
export function openStorage(target: DatabaseTarget, lang: Lang, options: { mustExist: boolean }): StorageAdapter {
  if (target.kind === 'sqlite' && options.mustExist && !existsSync(target.filename)) {
    throw new CliError(exitCodes.notFound, messages[lang].missingFile(target.where));
  }
  try {
    return target.kind === 'sqlite'
      ? sqliteStorage({ filename: target.filename })
      : postgresStorage({ connectionString: target.connectionString, ...(target.schema === undefined ? {} : { schema: target.schema }), max: 4 });
  } catch (error) {
    throw new CliError(exitCodes.storage, messages[lang].cannotOpen(target.where, reasonOf(error)));
  }
}

/**
 * Creates the community over `storage` and brings the schema up to date, the tables and
 * fields of `plugins` included. A database that cannot be reached or read is a
 * {@link CliError} with exit 4; a config the core refuses keeps its own error.
 */
export async function readyCommunity(
  storage: StorageAdapter,
  target: DatabaseTarget,
  lang: Lang,
  extra: { config?: OfficeConfigInput; clock?: Clock; plugins?: readonly Plugin[]; notifiers?: readonly Notifier[] },
): Promise<Community> {
  const community = createCommunity({ storage, ...extra });
  try {
    await community.ready();
  } catch (error) {
    if (isKechuangError(error) && error.code !== 'STORAGE_ERROR' && error.code !== 'UNSUPPORTED_ADAPTER') throw error;
    await storage.close?.().catch(() => undefined);
    throw new CliError(exitCodes.storage, messages[lang].cannotOpen(target.where, reasonOf(error)));
  }
  return community;
}

/** The office a command works in: `--office <code>`, else the only office in the database. */
export async function findOffice(
  community: Community,
  storage: StorageAdapter,
  target: DatabaseTarget,
  lang: Lang,
  code: string | undefined,
): Promise<{ officeId: string; officeCode: string; session: CommunitySession }> {
  const codes = async (): Promise<string[]> => {
    const rows = await storage.findMany({ model: 'office', orderBy: [{ field: 'code' }], limit: 50 });
    return rows.map((row) => String(row['code']));
  };
  if (code !== undefined && code !== '') {
    const office = await community.offices.findByCode(code);
    if (office === null) throw new CliError(exitCodes.notFound, messages[lang].noSuchOffice(code, await codes()));
    return { officeId: office.id, officeCode: office.code, session: community.as({ kind: 'system', officeId: office.id }) };
  }
  const rows = await storage.findMany({ model: 'office', orderBy: [{ field: 'code' }], limit: 50 });
  const first = rows[0];
  if (first === undefined) throw new CliError(exitCodes.notFound, messages[lang].noOffice(target.where));
  if (rows.length > 1) throw new CliError(exitCodes.usage, messages[lang].severalOffices(rows.map((row) => String(row['code']))));
  const officeId = String(first['id']);
  return { officeId, officeCode: String(first['code']), session: community.as({ kind: 'system', officeId }) };
}
