import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM only. Hono and @hono/zod-openapi are the runtime; the `./node` entry adds
// @hono/node-server for hosts that want a ready listener.
export default defineConfig(packageBuild({ index: 'src/index.ts', 'node/index': 'src/node/index.ts' }, ['esm']));
