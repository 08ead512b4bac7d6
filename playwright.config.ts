// e2e tests: the built renderer in Debian's Chromium, the core in host mode, a real backend (see
// e2e/fixtures.ts). `npm run test:e2e -- --grep @skeleton` passes extra arguments through.
import { defineConfig } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  // The backend and host mode bundled once, so that tests start them as built programs.
  globalSetup: './e2e/globalSetup.ts',
  // Each test starts its own backend and core processes: two at a time fit a 2-core machine.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
