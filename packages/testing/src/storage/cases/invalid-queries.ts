import { it } from 'vitest';
import { byId, createRecords, expectKechuangError, record, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

/**
 * Mistakes in a query fail loudly with STORAGE_ERROR instead of a raw driver error or, worse,
 * a silently wrong answer.
 */
export function invalidQueryCases(ctx: ConformanceContext): void {
  it('rejects eq and ne against null (the contract asks for is_null / is_not_null)', async () => {
    await createRecords(ctx.adapter, [record('r1')]);
    await expectKechuangError(
      ctx.adapter.findMany({ model: RECORD, where: [{ field: 'note', op: 'eq', value: null }] }),
      'STORAGE_ERROR',
      'findMany with { op: "eq", value: null }'
    );
    await expectKechuangError(
      ctx.adapter.count({ model: RECORD, where: [{ field: 'note', value: null }] }),
      'STORAGE_ERROR',
      'count with { value: null } (eq is the default operator)'
    );
    await expectKechuangError(
      ctx.adapter.findMany({ model: RECORD, where: [{ field: 'note', op: 'ne', value: null }] }),
      'STORAGE_ERROR',
      'findMany with { op: "ne", value: null }'
    );
  });

  it('rejects a model that is not in the schema', async () => {
    await expectKechuangError(ctx.adapter.findMany({ model: 'kit_missing' }), 'STORAGE_ERROR', 'findMany on an unknown model');
    await expectKechuangError(
      ctx.adapter.create({ model: 'kit_missing', data: { id: 'x' } }),
      'STORAGE_ERROR',
      'create on an unknown model'
    );
  });

  it('rejects a field that is not in the schema', async () => {
    await createRecords(ctx.adapter, [record('r1')]);
    await expectKechuangError(
      ctx.adapter.findMany({ model: RECORD, where: [{ field: 'missing', value: 'x' }] }),
      'STORAGE_ERROR',
      'findMany filtering on an unknown field'
    );
    await expectKechuangError(
      ctx.adapter.create({ model: RECORD, data: record('r2', { missing: 'x' }) }),
      'STORAGE_ERROR',
      'create with an unknown field'
    );
    await expectKechuangError(
      ctx.adapter.update({ model: RECORD, where: byId('r1'), data: { missing: 'x' } }),
      'STORAGE_ERROR',
      'update with an unknown field'
    );
  });
}
