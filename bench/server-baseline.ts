/**
 * The baseline of the HTTP benchmarks: what the web framework and the SQLite driver cost
 * without the SDK. A bare Hono app with the same two routes, on a copy of the same database:
 *
 * - `POST /api/requests` parses the JSON body, checks that the fields a request needs are
 *   there, and inserts one `request` row with a prepared better-sqlite3 statement. The row is
 *   the request the SDK stored for the same body (every column, so the same width and the same
 *   indexes to maintain), with a fresh UUIDv7, the body's fields and the current time; it
 *   answers 201 with the row. The SDK also writes the timeline entry and the SLA timer in the
 *   same transaction; the baseline writes the request row alone.
 * - `GET /api/requests?status=…&limit=…` runs the SELECT the SDK's list sends for the
 *   lawyer's queue (office, the lawyer or their team, the states, newest first, limit + 1) as
 *   one prepared statement, and answers the raw rows as JSON with a next cursor. The SDK also
 *   loads the office, the member and the requests they assist on, and decodes every row.
 *
 * The caller is named by the same header as on the SDK side (`x-bench-actor`), mapped to
 * fixed ids with no lookup; the queue route answers only for the lawyer.
 */
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { uuidv7 } from '@kechuang/community';
import type { ServerFixture } from './server-dataset.js';
import { ACTOR_HEADER } from './server-protocol.js';

type SqlValue = string | number | bigint | Buffer | null;

/** The bare app on the database file `file`, and a way to close the database. */
export function baselineApp(file: string, fixture: ServerFixture): { app: Hono; close(): void } {
  const db = new Database(file);
  // What sqliteStorage sets on its connection.
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');

  const template = db.prepare('SELECT * FROM "request" WHERE "id" = ?').get(fixture.templateRequestId) as Record<string, SqlValue> | undefined;
  if (!template) throw new Error(`the template request ${fixture.templateRequestId} is not in ${file}`);
  const columns = Object.keys(template);
  const insert = db.prepare(`INSERT INTO "request" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);

  const queues = new Map<number, Database.Statement>();
  const queueStatement = (states: number): Database.Statement => {
    let statement = queues.get(states);
    if (!statement) {
      statement = db.prepare(
        'SELECT * FROM "request" WHERE "office_id" = ? AND ("assignee_id" = ? OR "submitted_by_id" = ? OR "assignee_team_id" IN (?)) ' +
          `AND "status" IN (${Array.from({ length: states }, () => '?').join(', ')}) ORDER BY "created_at" DESC, "id" DESC LIMIT ?`,
      );
      queues.set(states, statement);
    }
    return statement;
  };

  const members = new Map([
    ['head', fixture.stationHeadId],
    ['lawyer', fixture.lawyerId],
  ]);
  const app = new Hono();
  app.post('/api/requests', async (c) => {
    if (!members.has(c.req.header(ACTOR_HEADER) ?? '')) return c.json({ code: 'UNAUTHENTICATED' }, 401);
    const body = (await c.req.json()) as Record<string, unknown>;
    const text = (key: string): string | null => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : null);
    const [communityId, channel, category, title] = [text('communityId'), text('channel'), text('category'), text('title')];
    if (!communityId || !channel || !category || !title) return c.json({ code: 'VALIDATION_FAILED' }, 400);
    const now = Date.now();
    const row: Record<string, SqlValue> = {
      ...template,
      id: uuidv7(),
      community_id: communityId,
      enterprise_id: text('enterpriseId'),
      channel,
      category,
      title,
      description: text('description') ?? '',
      attributes: JSON.stringify(body['attributes'] ?? {}),
      contact: body['contact'] === undefined ? null : JSON.stringify(body['contact']),
      created_at: now,
      updated_at: now,
      assigned_at: now,
      sla_started_at: now,
    };
    insert.run(row);
    return c.json(row, 201);
  });
  app.get('/api/requests', (c) => {
    // Only the lawyer's queue is benchmarked: the statement is the one the SDK sends for them.
    if (c.req.header(ACTOR_HEADER) !== 'lawyer') return c.json({ code: 'FORBIDDEN' }, 403);
    const memberId = fixture.lawyerId;
    const states = (c.req.query('status') ?? 'assigned').split(',');
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > 500) return c.json({ code: 'VALIDATION_FAILED' }, 400);
    const rows = queueStatement(states.length).all(fixture.officeId, memberId, memberId, fixture.legalTeamId, ...states, limit + 1) as Record<string, SqlValue>[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify([last['created_at'], last['id']])).toString('base64url') : null;
    return c.json({ items, nextCursor });
  });
  return { app, close: () => db.close() };
}
