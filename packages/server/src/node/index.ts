/**
 * `@kechuang/server/node`: serving the API with Node's HTTP server, for hosts that do not
 * bring their own.
 *
 * @module @kechuang/server/node
 */
import { serve as serveNode, type ServerType } from '@hono/node-server';
import type { KechuangServer } from '../create-server.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** The TCP port to listen on. @default 3000 */
  port?: number;
  /** The address to listen on. @default '127.0.0.1' (loopback: put a reverse proxy in front to serve others) */
  hostname?: string;
}

/** A running Node listener. */
export interface RunningServer {
  /** The address it listens on, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Stops accepting connections and ends open event streams. */
  close(): Promise<void>;
}

/**
 * Serves the API with Node's HTTP server (through `@hono/node-server`).
 *
 * @example
 * ```ts
 * const running = await serve(createServer({ community, resolveActor }), { port: 3000 });
 * console.log(`API at ${running.url}`);
 * ```
 */
export function serve(server: KechuangServer, options: ServeOptions = {}): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let node: ServerType;
    try {
      node = serveNode({ fetch: server.fetch, port: options.port ?? 3000, hostname }, (info) => {
        resolve({
          url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`,
          async close() {
            await server.close();
            await new Promise<void>((done) => node.close(() => done()));
          },
        });
      });
      node.once('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
