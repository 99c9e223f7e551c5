import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM only: `main` is the process entry the bin script loads, `index` the programmatic API
// (runCli) for hosts and tests that want to run a command in-process.
export default defineConfig(packageBuild({ index: 'src/index.ts', main: 'src/main.ts' }, ['esm']));
