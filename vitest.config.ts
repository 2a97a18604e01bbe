import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages, never a stale build: the packages'
// `exports` map `@labelflow/source` to `src/index.ts`. Vitest resolves test imports as server (SSR) modules,
// so the condition goes on `ssr.resolve` as well; the rest are Vite's default server conditions.
const conditions = ['@labelflow/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The machine is shared and noisy; property tests run hundreds of cases. Nothing here asserts a time.
    testTimeout: 30_000,
  },
});
