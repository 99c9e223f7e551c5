import { defaultClientConditions, defineConfig } from 'vite';

// The console is Preact with TSX. Workspace packages resolve to their TypeScript sources
// through the `source` condition, so the console bundles the report charts straight from
// `@kechuang/community/charts` with no package build first.
export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'public',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 300 },
});
