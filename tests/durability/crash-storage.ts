import type { StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';

/** Which database a crash run writes to; parent and child open it the same way. */
export type CrashTarget = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; connectionString: string; schema: string };

/** Opens `target` with the presets' default settings (WAL and synchronous=NORMAL on SQLite). */
export function openCrashStorage(target: CrashTarget): StorageAdapter {
  return target.kind === 'sqlite'
    ? sqliteStorage({ filename: target.filename })
    : postgresStorage({ connectionString: target.connectionString, schema: target.schema, max: 4 });
}

/** The child's argv for `target`: `sqlite <file>` or `postgres <schema>` (the URL goes by env). */
export function targetArgs(target: CrashTarget): string[] {
  return target.kind === 'sqlite' ? ['sqlite', target.filename] : ['postgres', target.schema];
}

/** Reads a target back from the child's argv and `KECHUANG_TEST_DATABASE_URL`. */
export function parseTargetArgs(args: readonly string[], env: NodeJS.ProcessEnv): CrashTarget {
  const [kind, where] = args;
  if (kind === 'sqlite' && where) return { kind, filename: where };
  if (kind === 'postgres' && where) {
    return { kind, schema: where, connectionString: env['KECHUANG_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' };
  }
  throw new Error(`Expected "sqlite <file>" or "postgres <schema>", got: ${args.join(' ')}`);
}
