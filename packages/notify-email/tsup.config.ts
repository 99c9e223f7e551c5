import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// ESM only, like the other adapters; nodemailer stays an external dependency.
export default defineConfig(packageBuild({ index: 'src/index.ts' }, ['esm']));
