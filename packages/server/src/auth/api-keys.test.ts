import { sha256Hex } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { apiKeys } from './api-keys.js';

const digest = async (key: string) => sha256Hex(new TextEncoder().encode(key));
const actor = { kind: 'system', officeId: 'o1' } as const;

describe('apiKeys', () => {
  it('resolves a key from the header, the query or an Open311 form body, by its digest', async () => {
    const keys = apiKeys([{ id: 'city-311', sha256: await digest('s3cret'), actor }]);
    expect(await keys.resolve(new Request('http://x/', { headers: { 'x-api-key': 's3cret' } }))).toEqual(actor);
    expect(await keys.resolve(new Request('http://x/?api_key=s3cret'))).toEqual(actor);
    const form = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'service_code=legal&api_key=s3cret' });
    expect(await keys.resolve(form)).toEqual(actor);
    // The body is still there for the handler.
    expect(await form.text()).toContain('service_code=legal');
    expect(await keys.idOf(new Request('http://x/?api_key=s3cret'))).toBe('city-311');
  });

  it('resolves nothing for a wrong or missing key', async () => {
    const keys = apiKeys([{ id: 'city-311', sha256: await digest('s3cret'), actor }]);
    expect(await keys.resolve(new Request('http://x/?api_key=guess'))).toBeNull();
    expect(await keys.resolve(new Request('http://x/'))).toBeNull();
  });

  it('refuses a malformed digest and two clients sharing a key', async () => {
    expect(() => apiKeys([{ id: 'a', sha256: 'not-hex', actor }])).toThrow(/64 lower-case hex/);
    const same = await digest('k');
    expect(() => apiKeys([{ id: 'a', sha256: same, actor }, { id: 'b', sha256: same, actor }])).toThrow(/same key/);
  });
});
