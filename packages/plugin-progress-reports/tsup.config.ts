import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM and CJS, like the core: a plugin is imported wherever the core is.
export default defineConfig(packageBuild({ index: 'src/index.ts' }, ['esm', 'cjs']));
