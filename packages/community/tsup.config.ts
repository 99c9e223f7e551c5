import { defineConfig } from 'tsup';

// @kechuang/community ships ESM + CJS. Two entries:
//   .        src/index.ts       (platform-neutral core, no Node built-ins)
//   ./node   src/node/index.ts  (Node-only helpers)
// Object entries keep the output paths explicit: dist/index.{js,cjs,d.ts,d.cts} and
// dist/node/index.{js,cjs,d.ts,d.cts}, matching the `exports` map in package.json.
//
// Dependencies (zod, mitt) stay external: tsup externalises everything listed in
// `dependencies` / `peerDependencies`, both for the JS bundle and the d.ts rollup.
//
// `splitting: true` for both formats: code shared by the two entries lives in one chunk,
// so `require('@kechuang/community')` and `require('@kechuang/community/node')` share a
// single copy of the core instead of each bundling its own.
//
// tsconfig.build.json: a plain (non-composite) program over the non-test sources; the
// package tsconfig.json is the composite project for `tsc -b`.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'node/index': 'src/node/index.ts',
  },
  format: ['esm', 'cjs'],
  tsconfig: 'tsconfig.build.json',
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Keep `node:` specifiers (tsup strips them by default); Node 20, Deno and edge runtimes
  // with Node compatibility all want the prefix.
  removeNodeProtocol: false,
  treeshake: true,
  splitting: true,
});
