import { z } from '@hono/zod-openapi';

/** `limit` and `cursor` of a paged list, as query-string text. */
export const pageQueryFields = {
  limit: z.string().regex(/^\d+$/, 'Use a whole number from 1 to 500').optional().openapi({ description: 'Page size, 1–500. Default 50.' }),
  cursor: z.string().min(1).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
};

/** The page options the SDK takes, from a query parsed with {@link pageQueryFields}. */
export function pageOptions(query: Record<string, unknown>): { limit?: number; cursor?: string } {
  return {
    ...(typeof query['limit'] === 'string' ? { limit: Number(query['limit']) } : {}),
    ...(typeof query['cursor'] === 'string' ? { cursor: query['cursor'] } : {}),
  };
}
