import { defineConfig } from '@playwright/test';

// E2E tests run the built extension (`npm run build` first; `npm test` does) in real Chromium.
// Each test gets its own browser profile, so one worker per core is plenty on a 2-core machine.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: { trace: 'retain-on-failure' },
});
