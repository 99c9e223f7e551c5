import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `source` export
// condition, so a clean clone runs the tests without building anything first. Only `source`
// is added to Vite's defaults: passing `import` on to Node makes CommonJS packages such as
// pg load the ESM wrappers of their own dependencies.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'packages', include: ['packages/*/src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/**/*.test.ts', 'examples/*/src/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
