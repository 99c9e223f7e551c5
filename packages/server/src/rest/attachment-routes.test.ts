import { memoryBlobStore, sha256Hex } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';

let world: DemoServer;
beforeAll(async () => {
  world = await demoServer({ blobStore: memoryBlobStore(), limits: { attachmentBytes: 4096 } });
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function upload(who: string, bytes: Uint8Array, type: string, name = '现场照片.png', field = 'file'): Promise<Response> {
  const form = new FormData();
  form.set(field, new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return world.server.fetch(
    new Request('http://kechuang.test/api/attachments', { method: 'POST', body: form, headers: { 'x-kechuang-dev-member': `${world.office.id}/${who}` } }),
  );
}

describe('attachments', () => {
  it('stores an upload with its SHA-256, and serves it back from the request that carries it', async () => {
    const response = await upload(world.p01.captainId, png, 'image/png');
    expect(response.status).toBe(201);
    const attachment = (await response.json()) as { sha256: string; size: number; name: string };
    expect(attachment.sha256).toBe(await sha256Hex(png));
    expect(attachment.size).toBe(png.length);
    const created = await world.call(world.p01.captainId, 'POST', '/api/requests', {
      communityId: world.demo.communityId,
      enterpriseId: world.p01.enterpriseId,
      channel: 'captain_report',
      category: 'legal',
      title: '附现场照片',
      attachments: [attachment],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const download = await world.call(world.demo.stationHeadId, 'GET', `/api/requests/${id}/attachments/${attachment.sha256}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    // Another office cannot reach it, even knowing both ids.
    const foreign = await world.callOther(world.other.memberId, 'GET', `/api/requests/${id}/attachments/${attachment.sha256}`);
    expect(foreign.status).toBe(404);
    const problem = JSON.stringify(await foreign.json());
    expect(problem).not.toContain('附现场照片');
    expect(problem).not.toContain(attachment.name);
  });

  it('refuses types not on the list, content that lies about its type, and files over the limit', async () => {
    expect((await upload(world.p01.captainId, new TextEncoder().encode('<script>'), 'text/html', 'x.html')).status).toBe(415);
    const spoofed = await upload(world.p01.captainId, new TextEncoder().encode('<svg onload=alert(1)>'), 'image/png');
    expect(spoofed.status).toBe(415);
    expect(((await spoofed.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = new Uint8Array(5000);
    big.set(png);
    expect((await upload(world.p01.captainId, big, 'image/png')).status).toBe(413);
  });

  it('answers a missing file field or a JSON body with a problem', async () => {
    const missing = await upload(world.p01.captainId, png, 'image/png', 'a.png', 'other');
    expect(missing.status).toBe(400);
    const json = await world.call(world.p01.captainId, 'POST', '/api/attachments', { file: 'x' });
    expect(json.status).toBe(415);
    expect(json.headers.get('content-type')).toBe('application/problem+json');
  });
});
