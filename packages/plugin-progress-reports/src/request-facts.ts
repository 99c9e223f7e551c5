import { KechuangError, type Row, type ServiceRequest } from '@kechuang/community';
import { z } from 'zod';

/** What the plugin reads of a request. */
export type RequestFacts = Pick<ServiceRequest, 'id' | 'officeId' | 'status' | 'tags' | 'category' | 'slaPolicy' | 'createdAt' | 'version'>;

const requestFactsSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  status: z.string(),
  tags: z.array(z.string()),
  category: z.string(),
  slaPolicy: z.string().nullable(),
  createdAt: z.date(),
  version: z.number(),
});

/** The facts of a request row read through storage; a row of another shape is a clear error, not a guess. */
export function requestFacts(row: Row): RequestFacts {
  const parsed = requestFactsSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new KechuangError('PLUGIN_ERROR', `Plugin 'progress-reports' read a request row it does not understand (${where}); check that the storage adapter returns the core's request fields.`, {
    plugin: 'progress-reports',
  });
}
