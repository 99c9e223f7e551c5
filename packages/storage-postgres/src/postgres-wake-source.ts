import pg from 'pg';

/** Options of {@link postgresWakeSource}. */
export interface PostgresWakeSourceOptions {
  /** The database the instances share. */
  connectionString: string;
  /**
   * The NOTIFY channel. Instances that should wake each other use the same one; use one per
   * deployment when several share a database. @default 'kechuang_changes'
   */
  channel?: string;
  /** How long to wait before reconnecting after the listening connection drops, in ms. @default 1000 */
  reconnectDelayMs?: number;
  /** Told when the listening connection fails (it reconnects on its own). @default console.warn */
  onError?: (error: unknown) => void;
}

/** A wake-up signal between instances over PostgreSQL LISTEN/NOTIFY. */
export interface PostgresWakeSource {
  /** Calls `listener` whenever any instance signals (and once after a reconnect); returns how to stop. */
  subscribe(listener: () => void): () => void;
  /** Tells every instance on the channel, this one included, to look. */
  signal(): void;
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/**
 * Wakes other instances' event-stream subscribers at once when this one commits, over
 * PostgreSQL LISTEN/NOTIFY, for `createServer({ events: { wake } })` of `@kechuang/server`.
 * Only a wake-up: subscribers read what to send from the storage feed, so a lost
 * notification (NOTIFY is not durable, and the connection may drop) costs latency until the
 * next poll, never an event. After a reconnect every listener is called once, since
 * notifications sent while it was down are gone.
 *
 * @example
 * ```ts
 * const wake = postgresWakeSource({ connectionString: process.env.DATABASE_URL! });
 * const server = createServer({ community, resolveActor, events: { wake } });
 * ```
 */
export function postgresWakeSource(options: PostgresWakeSourceOptions): PostgresWakeSource {
  const channel = options.channel ?? 'kechuang_changes';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`postgresWakeSource: channel '${channel}' must be a lower-case SQL identifier (letters, digits, _).`);
  const delay = options.reconnectDelayMs ?? 1000;
  const report = options.onError ?? ((error: unknown) => console.warn('[kechuang] postgresWakeSource: the LISTEN connection failed; reconnecting.', error));
  const listeners = new Set<() => void>();
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  // At most one NOTIFY in flight, and one more queued behind it: a burst of commits costs two.
  let sending = false;
  let queued = false;

  const wakeAll = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const connect = (): void => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    client = next;
    const fail = (error: unknown): void => {
      if (client !== next) return;
      connected = false;
      client = null;
      next.end().catch(() => undefined);
      if (closed) return;
      report(error);
      retry = setTimeout(connect, delay);
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('The LISTEN connection ended.')));
    next.on('notification', (message) => {
      if (message.channel === channel) wakeAll();
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${channel}`))
      .then(() => {
        if (client !== next) return;
        connected = true;
        // Whatever was signalled while down is lost: look once now.
        wakeAll();
      })
      .catch(fail);
  };
  const send = (): void => {
    if (!connected || !client) return;
    if (sending) {
      queued = true;
      return;
    }
    sending = true;
    client
      .query('SELECT pg_notify($1, $2)', [channel, ''])
      .catch(() => undefined)
      .finally(() => {
        sending = false;
        if (queued) {
          queued = false;
          send();
        }
      });
  };
  connect();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signal: send,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      connected = false;
      await current?.end().catch(() => undefined);
    },
  };
}
