import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/index.js';
import { memoryStorage } from './memory-storage.js';
import type { Row, StorageAdapter, StorageOperations, StorageSchema } from './types.js';

// What the conformance kit in @kechuang/testing cannot see from outside: isolation of reads on
// the adapter during an open transaction, serialisation, init/migration and the schema checks.

const schema: StorageSchema = {
  version: 1,
  models: {
    item: {
      fields: {
        id: { type: 'string' },
        name: { type: 'string' },
        code: { type: 'string', nullable: true },
        qty: { type: 'number' },
        at: { type: 'date', nullable: true },
        meta: { type: 'json', nullable: true },
      },
      unique: [{ name: 'item_name_code', fields: ['name', 'code'] }],
    },
    other: { fields: { id: { type: 'string' }, n: { type: 'number' } } },
  },
};

function item(id: string, fields: Row = {}): Row {
  return { id, name: `name ${id}`, code: null, qty: 0, at: null, meta: null, ...fields };
}

async function ready(): Promise<StorageAdapter> {
  const storage = memoryStorage();
  await storage.init(schema);
  return storage;
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function expectStorageError(promise: Promise<unknown>, messagePart: string | RegExp): Promise<void> {
  const error = await errorOf(promise);
  expect(isKechuangError(error, 'STORAGE_ERROR'), String(error)).toBe(true);
  expect((error as Error).message).toMatch(messagePart);
}

/** A promise plus its resolver, to hold a transaction open at a known point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const byId = (id: string) => [{ field: 'id', value: id }] as const;

describe('memoryStorage: isolation and serialisation', () => {
  it('reads on the adapter during an open transaction see the last committed state, then the commit', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a', { qty: 1 }) });
    const hold = gate();
    const written = gate();
    const running = storage.transaction(async (tx) => {
      await tx.update({ model: 'item', where: byId('a'), data: { qty: 2 } });
      await tx.create({ model: 'item', data: item('b') });
      written.open();
      await hold.opened;
    });
    await written.opened;
    expect((await storage.findOne({ model: 'item', where: byId('a') }))?.['qty']).toBe(1);
    expect(await storage.findOne({ model: 'item', where: byId('b') })).toBeNull();
    expect(await storage.count({ model: 'item' })).toBe(1);
    hold.open();
    await running;
    expect((await storage.findOne({ model: 'item', where: byId('a') }))?.['qty']).toBe(2);
    expect(await storage.count({ model: 'item' })).toBe(2);
  });

  it('writes on the adapter wait for an open transaction and are not lost by its commit', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a', { qty: 1 }) });
    const hold = gate();
    const written = gate();
    const order: string[] = [];
    const running = storage.transaction(async (tx) => {
      await tx.update({ model: 'item', where: byId('a'), data: { qty: 10 } });
      written.open();
      await hold.opened;
      order.push('tx committed');
    });
    await written.opened;
    const outside = storage.create({ model: 'item', data: item('c') }).then(() => order.push('outside write'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toStrictEqual([]);
    hold.open();
    await Promise.all([running, outside]);
    expect(order).toStrictEqual(['tx committed', 'outside write']);
    expect((await storage.findOne({ model: 'item', where: byId('a') }))?.['qty']).toBe(10);
    expect(await storage.findOne({ model: 'item', where: byId('c') })).not.toBeNull();
  });

  it('runs transactions one at a time, in the order they were started', async () => {
    const storage = await ready();
    const events: string[] = [];
    const run = (name: string) =>
      storage.transaction(async () => {
        events.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 2));
        events.push(`${name} end`);
      });
    await Promise.all([run('1'), run('2'), run('3')]);
    expect(events).toStrictEqual(['1 start', '1 end', '2 start', '2 end', '3 start', '3 end']);
  });

  it('a transaction that throws releases the lock for the next one', async () => {
    const storage = await ready();
    const failing = storage.transaction(async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await storage.transaction(async () => 'next')).toBe('next');
  });

  it('a tx handle used after its transaction finished throws STORAGE_ERROR instead of writing nowhere', async () => {
    const storage = await ready();
    let leaked: StorageOperations | undefined;
    await storage.transaction(async (tx) => {
      leaked = tx;
    });
    if (!leaked) throw new Error('the transaction callback did not run');
    await expectStorageError(leaked.create({ model: 'item', data: item('late') }), /already finished/);
    await expectStorageError(leaked.count({ model: 'item' }), /already finished/);
    expect(await storage.count({ model: 'item' })).toBe(0);
  });

  it('an error caught inside fn undoes only that operation; the rest of the transaction commits', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a', { name: 'n', code: 'c' }) });
    await storage.transaction(async (tx) => {
      await tx.create({ model: 'item', data: item('b') });
      const error = await errorOf(tx.create({ model: 'item', data: item('dup', { name: 'n', code: 'c' }) }));
      expect(isKechuangError(error, 'UNIQUE_VIOLATION')).toBe(true);
      await tx.create({ model: 'item', data: item('c') });
    });
    expect((await storage.findMany({ model: 'item', orderBy: [{ field: 'id' }] })).map((row) => row['id'])).toStrictEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('rollback leaves other models and untouched rows exactly as they were', async () => {
    const storage = await ready();
    await storage.create({ model: 'other', data: { id: 'o', n: 1 } });
    await storage.create({ model: 'item', data: item('a', { meta: { list: [1] } }) });
    await errorOf(
      storage.transaction(async (tx) => {
        await tx.update({ model: 'other', where: byId('o'), data: { n: 2 } });
        await tx.delete({ model: 'item', where: [] });
        throw new Error('undo');
      })
    );
    expect(await storage.findOne({ model: 'other', where: byId('o') })).toStrictEqual({ id: 'o', n: 1 });
    expect((await storage.findOne({ model: 'item', where: byId('a') }))?.['meta']).toStrictEqual({ list: [1] });
  });
});

describe('memoryStorage: init and schema', () => {
  it('has the documented id and capabilities', () => {
    const storage = memoryStorage({ id: 'fixtures' });
    expect(storage.id).toBe('fixtures');
    expect(memoryStorage().id).toBe('memory');
    expect(storage.capabilities).toStrictEqual({ transactions: true, aggregate: true, skipLocked: false, returning: true, claim: true, feed: true });
  });

  it('refuses to work before init, saying what to do', async () => {
    const storage = memoryStorage();
    await expectStorageError(storage.findMany({ model: 'item' }), /Call init\(schema\)/);
    await expectStorageError(
      storage.transaction(async () => undefined),
      /Call init\(schema\)/
    );
  });

  it('keeps its own copy of the schema', async () => {
    const mine = structuredClone(schema);
    const storage = memoryStorage();
    await storage.init(mine);
    delete mine.models['other'];
    expect(await storage.count({ model: 'other' })).toBe(0);
  });

  it('rejects schemas without a string id, with unknown types or constraint fields', async () => {
    const bad = (models: StorageSchema['models']) => memoryStorage().init({ version: 1, models });
    await expectStorageError(bad({ m: { fields: { name: { type: 'string' } } } }), /needs a non-nullable string field "id"/);
    await expectStorageError(bad({ m: { fields: { id: { type: 'number' } } } }), /"id"/);
    await expectStorageError(
      bad({ m: { fields: { id: { type: 'string' }, x: { type: 'text' as 'string' } } } }),
      /unknown type "text"/
    );
    await expectStorageError(
      bad({ m: { fields: { id: { type: 'string' } }, unique: [{ name: 'u', fields: ['nope'] }] } }),
      /Unknown field "nope".*unique constraint "u"/
    );
  });

  it('re-init with a changed schema migrates: new nullable fields become null, new models start empty', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a') });
    const next = structuredClone(schema);
    next.version = 2;
    const itemModel = next.models['item'];
    if (!itemModel) throw new Error('fixture schema lost its item model');
    itemModel.fields['note'] = { type: 'string', nullable: true };
    next.models['added'] = { fields: { id: { type: 'string' } } };
    await storage.init(next);
    expect((await storage.findOne({ model: 'item', where: byId('a') }))?.['note']).toBeNull();
    expect(await storage.count({ model: 'added' })).toBe(0);
  });

  it('re-init refuses a new required field when rows exist', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a') });
    const next = structuredClone(schema);
    const itemModel = next.models['item'];
    if (!itemModel) throw new Error('fixture schema lost its item model');
    itemModel.fields['required'] = { type: 'number' };
    await expectStorageError(storage.init(next), /"item.required" is required/);
  });
});

describe('memoryStorage: checks against the schema', () => {
  it('unique violations carry the model, the fields and the constraint name', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a', { name: 'n', code: 'c' }) });
    const error = await errorOf(storage.create({ model: 'item', data: item('b', { name: 'n', code: 'c' }) }));
    expect(isKechuangError(error, 'UNIQUE_VIOLATION')).toBe(true);
    expect((error as { details: unknown }).details).toStrictEqual({
      model: 'item',
      fields: ['name', 'code'],
      constraint: 'item_name_code',
    });
    const duplicateId = await errorOf(storage.create({ model: 'item', data: item('a', { name: 'other' }) }));
    expect((duplicateId as { details: { fields: string[] } }).details.fields).toStrictEqual(['id']);
  });

  it('rejects values of the wrong type, naming the field and what to pass', async () => {
    const storage = await ready();
    const create = (fields: Row) => storage.create({ model: 'item', data: item('x', fields) });
    await expectStorageError(create({ qty: '3' }), /"item.qty" is a number field but got the string "3".*finite number/);
    await expectStorageError(create({ qty: Number.NaN }), /"item.qty"/);
    await expectStorageError(create({ at: new Date('not a date') }), /"item.at".*invalid Date/);
    await expectStorageError(create({ at: '2024-01-01' }), /Pass a valid Date/);
    await expectStorageError(create({ meta: { when: new Date() } as unknown as Row[string] }), /JSON value/);
    await expectStorageError(create({ name: null }), /"item.name" is not nullable/);
    await expectStorageError(create({ code: undefined as unknown as null }), /undefined.*Pass null/);
    const { name: _name, ...withoutName } = item('y');
    await expectStorageError(storage.create({ model: 'item', data: withoutName }), /"item.name" is required/);
  });

  it('rejects unknown models and fields, listing the known ones', async () => {
    const storage = await ready();
    await expectStorageError(storage.count({ model: 'items' }), /Unknown model "items". Known models: item, other/);
    await expectStorageError(
      storage.findMany({ model: 'item', orderBy: [{ field: 'nope' }] }),
      /Unknown field "nope" on model "item" in orderBy/
    );
  });

  it('rejects where clauses a SQL database would answer differently', async () => {
    const storage = await ready();
    const find = (where: Parameters<StorageAdapter['findMany']>[0]['where']) => storage.findMany({ model: 'item', where });
    await expectStorageError(find([{ field: 'code', value: null }]), /use op "is_null"/);
    await expectStorageError(find([{ field: 'code', op: 'ne', value: null }]), /use op "is_not_null"/);
    await expectStorageError(find([{ field: 'meta', value: 'x' }]), /json field and can only be filtered with is_null/);
    await expectStorageError(find([{ field: 'qty', op: 'contains', value: '1' }]), /only works on string fields/);
    await expectStorageError(find([{ field: 'qty', value: '1' }]), /compares the number field "item.qty" with the string "1"/);
    await expectStorageError(find([{ field: 'code', op: 'in', value: ['a', null] }]), /got null in its list/);
    await expectStorageError(find([{ field: 'code', op: 'in', value: 'a' }]), /needs an array/);
    await expectStorageError(find([{ field: 'code', op: 'like' as 'eq', value: 'a' }]), /Unknown where operator "like"/);
  });

  it('rejects keyset cursors the contract forbids', async () => {
    const storage = await ready();
    const page = (args: Omit<Parameters<StorageAdapter['findMany']>[0], 'model'>) => storage.findMany({ model: 'item', ...args });
    await expectStorageError(page({ after: ['a'] }), /one value per orderBy term/);
    await expectStorageError(page({ orderBy: [{ field: 'name' }, { field: 'id' }], after: ['a'] }), /one value per orderBy term/);
    await expectStorageError(page({ orderBy: [{ field: 'name' }], after: ['a'] }), /unique last orderBy term/);
    await expectStorageError(page({ orderBy: [{ field: 'code' }, { field: 'id' }], after: ['a', 'b'] }), /nullable field "code"/);
    await expectStorageError(page({ orderBy: [{ field: 'qty' }, { field: 'id' }], after: ['1', 'b'] }), /keyset cursor/);
    await expectStorageError(page({ limit: -1 }), /"limit".*non-negative integer/);
    await expectStorageError(page({ offset: 1.5 }), /"offset".*non-negative integer/);
  });

  it('update refuses to change a row’s id', async () => {
    const storage = await ready();
    await storage.create({ model: 'item', data: item('a') });
    await expectStorageError(storage.update({ model: 'item', where: byId('a'), data: { id: 'b' } }), /cannot change the id/);
    expect((await storage.update({ model: 'item', where: byId('a'), data: { id: 'a', qty: 1 } }))?.['qty']).toBe(1);
  });

  it('aggregate without groupBy counts all matching rows in one group, like SQL count(*)', async () => {
    const storage = await ready();
    expect(await storage.aggregate?.({ model: 'item', groupBy: [] })).toStrictEqual([{ group: {}, count: 0, counts: {}, percentiles: {} }]);
    await storage.create({ model: 'item', data: item('a', { qty: 2 }) });
    await storage.create({ model: 'item', data: item('b', { qty: 1 }) });
    await storage.create({ model: 'item', data: item('c', { qty: 2 }) });
    expect(await storage.aggregate?.({ model: 'item', groupBy: [] })).toStrictEqual([{ group: {}, count: 3, counts: {}, percentiles: {} }]);
    const byQty = await storage.aggregate?.({ model: 'item', groupBy: ['qty'] });
    expect(byQty?.sort((a, b) => Number(a.group['qty']) - Number(b.group['qty']))).toStrictEqual([
      { group: { qty: 1 }, count: 1, counts: {}, percentiles: {} },
      { group: { qty: 2 }, count: 2, counts: {}, percentiles: {} },
    ]);
    await expectStorageError(
      Promise.resolve(storage.aggregate?.({ model: 'item', groupBy: ['meta'] })),
      /Cannot group by the json field/
    );
  });
});
