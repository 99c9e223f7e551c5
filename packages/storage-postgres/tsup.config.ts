import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM only. The d.ts program resolves @kechuang/community through the `source` condition (so
// this builds without the core's dist), but the emitted d.ts keeps the package import;
// scripts/check-packages.ts verifies that.
export default defineConfig(packageBuild({ index: 'src/index.ts' }, ['esm']));
