import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests run 10,000 generated inputs each; on a loaded two-core CI machine that can
    // take tens of seconds, which is work, not a hang.
    testTimeout: 120_000,
  },
});
