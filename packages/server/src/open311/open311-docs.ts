import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { ServerEnv } from '../http/server-env.js';
import { open311RequestsQuery } from './requests-query.js';
import { open311SubmitFields } from './submit-form.js';

// The JSON forms of the GeoReport v2 documents. The XML forms carry the same fields under the
// spec's element names (services/service, service_requests/request, errors/error).

const TAG = 'Open311 GeoReport v2';
const nullableText = z.string().nullable();

const serviceSchema = z
  .object({
    service_code: z.string().openapi({ description: 'The category id.', example: 'legal' }),
    service_name: z.string().openapi({ example: '法律服务' }),
    description: z.string(),
    metadata: z.boolean().openapi({ description: 'True when the service has attributes: fetch its definition.' }),
    type: z.literal('realtime'),
    keywords: z.string(),
    group: nullableText.openapi({ description: 'The portfolio (分管领域) label.' }),
  })
  .openapi('Open311Service');

const attributeSchema = z
  .object({
    variable: z.boolean(),
    code: z.string(),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean(),
    datatype_description: nullableText,
    order: z.number().int(),
    description: z.string(),
    values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
  })
  .openapi('Open311Attribute');

const definitionSchema = z.object({ service_code: z.string(), attributes: z.array(attributeSchema) }).openapi('Open311ServiceDefinition');

const requestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']).openapi({ description: 'closed in the terminal states of the workflow (closed, withdrawn, merged); open otherwise.' }),
    status_notes: nullableText,
    service_name: z.string(),
    service_code: z.string(),
    description: nullableText,
    agency_responsible: nullableText.openapi({ description: 'The team, portfolio or office handling it; never a person.' }),
    service_notice: nullableText,
    requested_datetime: z.string().openapi({ example: '2026-03-02T09:15:00+08:00' }),
    updated_datetime: z.string(),
    expected_datetime: nullableText,
    address: nullableText,
    address_id: nullableText,
    zipcode: nullableText,
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: nullableText,
  })
  .openapi('Open311Request');

const createdSchema = z
  .object({ service_request_id: z.string(), service_notice: nullableText, account_id: nullableText })
  .openapi('Open311Created');

const errorsSchema = z.array(z.object({ code: z.number().int(), description: z.string() })).openapi('Open311Errors');

const errorResponses = Object.fromEntries(
  ([
    [400, 'Bad input, one entry per invalid field; nothing was written.'],
    [403, 'api_key missing or invalid.'],
    [404, "Unknown resource, service_code or jurisdiction_id, or another office's record."],
  ] as const).map(([status, description]) => [status, { description, content: { 'application/json': { schema: errorsSchema }, 'text/xml': { schema: z.string() } } }]),
);

const format = z.object({ format: z.enum(['json', 'xml']) });
const jurisdiction = z.object({ jurisdiction_id: z.string().optional(), locale: z.string().optional(), api_key: z.string().optional() });

function ok(description: string, schema: z.ZodType): RouteConfig['responses'] {
  return { 200: { description, content: { 'application/json': { schema }, 'text/xml': { schema: z.string().openapi({ description: 'The same document as XML.' }) } } }, ...errorResponses };
}

/** Describes the Open311 routes in the server's OpenAPI document. */
export function registerOpen311Docs(app: OpenAPIHono<ServerEnv>): void {
  const paths: RouteConfig[] = [
    {
      method: 'get',
      path: '/open311/v2/services.{format}',
      tags: [TAG],
      summary: "The office's request categories as services",
      request: { params: format, query: jurisdiction },
      responses: ok('The services', z.array(serviceSchema)),
    },
    {
      method: 'get',
      path: '/open311/v2/services/{service_code}.{format}',
      tags: [TAG],
      summary: "A service's attributes",
      request: { params: format.extend({ service_code: z.string() }), query: jurisdiction },
      responses: ok('The service definition', definitionSchema),
    },
    {
      method: 'post',
      path: '/open311/v2/requests.{format}',
      tags: [TAG],
      summary: 'Submit a request (needs api_key)',
      description: 'A form with the fields below plus `attribute[code]=value` (`attribute[code][]=value` for each value of a multivaluelist). Honours `Idempotency-Key`.',
      request: { params: format, body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: open311SubmitFields } } } },
      responses: ok('The new request', z.array(createdSchema)),
    },
    {
      method: 'get',
      path: '/open311/v2/requests.{format}',
      tags: [TAG],
      summary: 'Requests you may see, newest first (90 days and 1000 requests at most)',
      request: { params: format, query: open311RequestsQuery },
      responses: ok('The requests', z.array(requestSchema)),
    },
    {
      method: 'get',
      path: '/open311/v2/requests/{service_request_id}.{format}',
      tags: [TAG],
      summary: 'One request, as a one-element list',
      request: { params: format.extend({ service_request_id: z.string() }), query: jurisdiction },
      responses: ok('The request', z.array(requestSchema)),
    },
  ];
  for (const path of paths) app.openAPIRegistry.registerPath(path);
}
