import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Attachment, BlobStore, JsonValue } from '@kechuang/community';
import { HttpProblem } from '../http/problem.js';
import type { ServerEnv } from '../http/server-env.js';
import { matchesSignature } from './attachment-types.js';
import { problemResponses } from './response-schemas.js';

/** Options of {@link registerAttachmentRoutes}. */
export interface AttachmentRouteOptions {
  blobStore: BlobStore;
  maxBytes: number;
  types: readonly string[];
}

const attachmentSchema = z
  .object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), uri: z.string() })
  .openapi('Attachment', { description: 'Put it in `attachments` of a submit, note, reply or contribution.' });

/**
 * `POST /api/attachments` stores an upload (multipart, field `file`) in the configured
 * BlobStore and answers its metadata with the SHA-256; `GET
 * /api/requests/{id}/attachments/{sha256}` downloads an attachment of a request the actor may
 * see.
 */
export function registerAttachmentRoutes(app: OpenAPIHono<ServerEnv>, options: AttachmentRouteOptions): void {
  const { blobStore, maxBytes, types } = options;
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/attachments',
    tags: ['Attachments'],
    summary: 'Upload an attachment; put the answer in `attachments` of a command',
    description: `At most ${maxBytes} bytes; media types: ${types.join(', ')}. Images and PDFs must be what they claim.`,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) } } } },
    responses: { 201: { description: 'Stored', content: { 'application/json': { schema: attachmentSchema } } }, ...problemResponses, 415: problemResponses[400] },
  });
  app.post('/api/attachments', async (c) => {
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
      throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as multipart/form-data, in a field named "file".');
    }
    let file: unknown;
    try {
      file = (await c.req.formData()).get('file');
    } catch {
      throw new HttpProblem('MALFORMED_BODY', 'The multipart body could not be read. Send it as multipart/form-data with a boundary.');
    }
    if (!(file instanceof File)) {
      throw new HttpProblem('VALIDATION_FAILED', 'Send the file in a multipart field named "file".', { issues: [{ path: ['file'], message: 'Required', code: 'invalid_type' }] });
    }
    const mediaType = (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    if (!types.includes(mediaType)) {
      throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', `Files of type ${mediaType} are not accepted. Accepted: ${types.join(', ')}.`);
    }
    if (file.size > maxBytes) throw new HttpProblem('PAYLOAD_TOO_LARGE', `An attachment may be at most ${maxBytes} bytes; this one has ${file.size}.`);
    if (file.size === 0) throw new HttpProblem('VALIDATION_FAILED', 'The file is empty.', { issues: [{ path: ['file'], message: 'Empty file', code: 'too_small' }] });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!matchesSignature(mediaType, bytes)) {
      throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', `The file says it is ${mediaType}, but its content is not. Upload the real file.`);
    }
    const name = (file.name || 'attachment').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255);
    const stored = await blobStore.put(bytes, { name, mediaType });
    return c.json(stored, 201);
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/requests/{id}/attachments/{sha256}',
    tags: ['Attachments'],
    summary: 'Download an attachment of a request you may see',
    request: { params: z.object({ id: z.string(), sha256: z.string() }) },
    responses: { 200: { description: 'The bytes, as an attachment download' }, ...problemResponses },
  });
  app.get('/api/requests/:id/attachments/:sha256', async (c) => {
    const { request, timeline } = await c.get('session').requests.get(c.req.param('id'));
    const sha256 = c.req.param('sha256');
    const all: Attachment[] = [...request.attachments, ...timeline.flatMap((entry) => attachmentsIn(entry.data))];
    const found = all.find((a) => a.sha256 === sha256);
    const bytes = found ? await blobStore.get(found.uri) : null;
    if (!found || !bytes) throw new HttpProblem('NOT_FOUND', 'This request has no attachment with that SHA-256.');
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': found.mediaType,
        'content-length': String(bytes.byteLength),
        'content-disposition': `attachment; filename="${found.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(found.name)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    });
  });
}

function attachmentsIn(data: { [key: string]: JsonValue }): Attachment[] {
  const list = data['attachments'];
  return Array.isArray(list) ? (list as unknown as Attachment[]) : [];
}
