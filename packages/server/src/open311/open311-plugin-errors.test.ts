import { KechuangError } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { open311ErrorResponse } from './open311-response.js';

type Errors = { code: number; description: string }[];

describe('plugin errors in Open311 error documents', () => {
  it('answers a slow plugin with 503 and Retry-After, in words that do not name the hook', async () => {
    const reported: unknown[] = [];
    const error = new KechuangError('PLUGIN_TIMEOUT', "Plugin 'stuck' did not finish its before hook for 'submit' within 3000 ms. Raise pluginHookTimeoutMs.", {
      plugin: 'stuck',
      stage: 'before',
      command: 'submit',
      timeoutMs: 3000,
    });
    const response = open311ErrorResponse(error, 'json', (e) => reported.push(e));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    const [entry] = (await response.json()) as Errors;
    expect(entry?.code).toBe(503);
    expect(entry?.description).toContain('nothing was written');
    expect(entry?.description).not.toContain('pluginHookTimeoutMs');
    expect(reported).toEqual([error]);
  });

  it("keeps a plugin's refusal and its words, within the statuses Open311 clients know", async () => {
    const refuse = (status: number) =>
      open311ErrorResponse(new KechuangError('duplicates:REPEATED_REQUEST', '该诉求与近期诉求重复，已合并处理。', { plugin: 'duplicates', status }), 'json', () => undefined);
    const conflict = refuse(409);
    expect(conflict.status).toBe(400);
    expect(((await conflict.json()) as Errors)[0]?.description).toBe('该诉求与近期诉求重复，已合并处理。');
    expect(refuse(404).status).toBe(404);
    expect(refuse(403).status).toBe(403);
    expect(refuse(503).status).toBe(503);
  });
});
