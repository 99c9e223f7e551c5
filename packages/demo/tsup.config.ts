import { defineConfig } from 'tsup';

// ESM only. Dependencies (@kechuang/community; vitest as a peer) stay external, in the JS
// bundle and in the d.ts rollup alike: tsup externalises everything in `dependencies` and
// `peerDependencies`. The d.ts program resolves @kechuang/community through the `source`
// condition (so this builds without the core's dist), but the emitted d.ts keeps
// `import ... from '@kechuang/community'`; scripts/check-packages.ts verifies the result.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  tsconfig: 'tsconfig.build.json',
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Keep `node:` specifiers (tsup strips them by default); Node 20, Deno and edge runtimes
  // with Node compatibility all want the prefix.
  removeNodeProtocol: false,
  treeshake: true,
});
