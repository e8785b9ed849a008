import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Real databases: each file makes its own, so files may run in parallel.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
