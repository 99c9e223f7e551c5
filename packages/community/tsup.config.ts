import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM + CJS, four entries matching the `exports` map: `.` (the platform-neutral core, no Node
// built-ins), `./node` (Node-only helpers), `./config` (the config loader and JSON Schema) and
// `./routing` (the rule compiler), `./calendar` (working calendars), `./schemas` (input schemas for hosts' own edges), `./privacy` (masking), `./charts` (the report's SVG charts, for browsers). `splitting` for both formats, so that
// `require('@kechuang/community')` and `require('@kechuang/community/node')` share one copy
// of the core instead of each bundling its own.
export default defineConfig({
  ...packageBuild(
    { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'config/index': 'src/config/index.ts', 'routing/index': 'src/routing/index.ts', 'calendar/index': 'src/calendar/index.ts', 'schemas/index': 'src/schemas/index.ts', 'privacy/index': 'src/privacy/index.ts', 'charts/index': 'src/charts/index.ts' },
    ['esm', 'cjs'],
  ),
  splitting: true,
});
