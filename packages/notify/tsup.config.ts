import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM only, like the other adapters. Nothing but @kechuang/community at runtime: the notifiers
// speak to their platforms with the built-in fetch and sign with node:crypto.
export default defineConfig(packageBuild({ index: 'src/index.ts' }, ['esm']));
