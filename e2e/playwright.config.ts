import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Overridable so two suites (two checkouts, say) can run side by side.
const API_PORT = Number(process.env.E2E_API_PORT ?? 4174);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 4173);
const ORIGIN = `http://localhost:${WEB_PORT}`;
const API_URL = `http://127.0.0.1:${API_PORT}`;
// A copy of the built web app may be served instead, so a rebuild mid-run cannot pull files away.
const WEB_BUILD = process.env.E2E_WEB_BUILD ?? '../apps/web/build';

// Every run starts from an empty database with only the demo seeded. Playwright evaluates this
// file in the runner and again in each worker; the environment variable makes them share one dir.
process.env.FICATHON_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ficathon-e2e-'));
const DATA_DIR = process.env.FICATHON_E2E_DATA_DIR;

const isCI = process.env.CI === 'true';

export default defineConfig({
  testDir: './specs',
  testMatch: '**/*.e2e.ts',
  // The journeys share one database and the API's per-client rate limits: run them one at a time.
  workers: 1,
  fullyParallel: false,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: ORIGIN,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // No browser downloads here: use the system's Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Both servers run from the built apps (turbo's test:e2e depends on ^build).
  webServer: [
    {
      command: 'node ../apps/api/dist/main.js',
      url: `${API_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        API_PORT: String(API_PORT),
        API_HOST: '127.0.0.1',
        DATA_DIR,
        ORIGIN,
        SEED_DEMO: 'true',
        NODE_ENV: 'production',
      },
    },
    {
      command: `node ${WEB_BUILD}`,
      url: ORIGIN,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(WEB_PORT),
        HOST: '127.0.0.1',
        ORIGIN,
        API_URL,
        // As `npm start` sets it: large enough for the longest story a writer may post.
        BODY_SIZE_LIMIT: '12M',
      },
    },
  ],
});
