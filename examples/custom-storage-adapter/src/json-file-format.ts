import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import {
  isKechuangError,
  prepareCreateRow,
  type JsonValue,
  type ModelDefinition,
  type Row,
  type StorageSchema,
} from '@kechuang/community';
import { assertUniqueRows } from './json-file-operations.js';
import { storageError } from './storage-error.js';

/** Model name → id → row. Stored rows are replaced, never changed in place, so maps may share them. */
export type Tables = Map<string, Map<string, Row>>;

/** A row as the file holds it: dates as ISO strings, every other value as it is. */
type StoredRow = Record<string, JsonValue>;

/** The whole file. */
export interface StoreFile {
  format: typeof FORMAT;
  /** The schema the rows were last written with; the fingerprint tells plugin changes apart, which keep the version. */
  schema: { version: number; fingerprint: string };
  tables: Record<string, StoredRow[]>;
}

const FORMAT = 'kechuang-json-file-storage/1';

/** A short digest of the whole schema: any change to a model, field or index changes it. */
export function fingerprintOf(schema: StorageSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 32);
}

/** The row as JSON. Only `date` fields need converting: `json` fields already are JSON. */
export function encodeRow(row: Row): StoredRow {
  const stored: StoredRow = {};
  for (const [field, value] of Object.entries(row)) stored[field] = value instanceof Date ? value.toISOString() : value;
  return stored;
}

function decodeRow(file: string, model: string, definition: ModelDefinition, stored: unknown): Row {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    throw storageError(`${file} holds a "${model}" row that is not an object. Restore the file from a backup.`, { model });
  }
  const raw = stored as Record<string, unknown>;
  const row: Row = {};
  // Fields the schema no longer has are dropped; fields it gained are filled in below.
  for (const [field, { type }] of Object.entries(definition.fields)) {
    if (!Object.hasOwn(raw, field)) continue;
    const value = raw[field] as JsonValue;
    row[field] = type === 'date' && typeof value === 'string' ? new Date(value) : value;
  }
  const missing = Object.entries(definition.fields).find(([field, { nullable }]) => !nullable && !Object.hasOwn(raw, field));
  if (missing) {
    throw storageError(
      `Cannot add the required field "${model}.${missing[0]}": ${file} already holds "${model}" rows without a value for it. ` +
        'Add the field as nullable, fill it in, and make it required in a later schema version.',
      { model, field: missing[0] },
    );
  }
  try {
    // The core's own check: types, and null for nullable fields the row lacks.
    return prepareCreateRow(model, definition, row);
  } catch (error) {
    if (!isKechuangError(error)) throw error;
    throw storageError(`${file} holds a "${model}" row (id ${JSON.stringify(raw['id'])}) that does not fit the schema: ${error.message}`, { model }, error);
  }
}

/**
 * The tables of `schema` from what the file holds: rows are checked against it (so a schema that
 * changed migrates them, or refuses), and models the file lacks start empty. Tables of models
 * the schema no longer has come back in `retired`, untouched, so that a plugin removed and
 * installed again finds its rows.
 */
export function decodeTables(file: string, schema: StorageSchema, stored: StoreFile['tables']): { tables: Tables; retired: StoreFile['tables'] } {
  const tables: Tables = new Map();
  const retired: StoreFile['tables'] = {};
  for (const [model, rows] of Object.entries(stored)) if (!Object.hasOwn(schema.models, model)) retired[model] = rows;
  for (const [model, definition] of Object.entries(schema.models)) {
    const table = new Map<string, Row>();
    for (const raw of Object.hasOwn(stored, model) ? (stored[model] ?? []) : []) {
      const row = decodeRow(file, model, definition, raw);
      table.set(String(row['id']), row);
    }
    // A unique constraint new to the schema must hold for the rows already stored.
    assertUniqueRows(model, definition, table);
    tables.set(model, table);
  }
  return { tables, retired };
}

/** The file at `path`, or null when there is none yet. */
export async function readStoreFile(path: string): Promise<StoreFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storageError(`Cannot read ${path}: ${(error as Error).message}`, {}, error);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw storageError(`${path} is not valid JSON, so it was not written by jsonFileStorage. Restore it from a backup or choose another path.`, {}, error);
  }
  const file = parsed as Partial<StoreFile> | null;
  if (file?.format !== FORMAT || typeof file.schema?.version !== 'number' || typeof file.tables !== 'object' || file.tables === null) {
    throw storageError(`${path} is JSON but not a jsonFileStorage file (no "format": "${FORMAT}"). Choose another path.`);
  }
  return file as StoreFile;
}

/**
 * Replaces the file in one step: the new content goes to a temporary file, is flushed to disk,
 * and is renamed over the old one. A crash leaves the old file or the new one, never half of one.
 */
export async function writeStoreFile(path: string, file: StoreFile): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify(file));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw storageError(`Cannot write ${path}: ${(error as Error).message}. Nothing was committed; check the disk and the directory's permissions.`, {}, error);
  }
}
