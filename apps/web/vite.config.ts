import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 3000 },
  test: {
    // Only unit tests of pure helpers live here; the browser journeys are in /e2e.
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
