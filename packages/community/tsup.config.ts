import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM + CJS, two entries: `.` (platform-neutral core, no Node built-ins) and `./node`
// (Node-only helpers), matching the `exports` map. `splitting` for both formats, so that
// `require('@kechuang/community')` and `require('@kechuang/community/node')` share one copy
// of the core instead of each bundling its own.
export default defineConfig({
  ...packageBuild({ index: 'src/index.ts', 'node/index': 'src/node/index.ts' }, ['esm', 'cjs']),
  splitting: true,
});
