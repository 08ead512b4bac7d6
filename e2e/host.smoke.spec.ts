// The smallest end-to-end path: a real backend, a core in host mode, the built renderer in
// Chromium, and the login screen on the page the host prints.
import { expect, test } from '@playwright/test';
import { startBackend } from '../testing/backend';
import { startHost } from '../testing/host';

test('host mode serves the app and shows the login screen @skeleton', async ({ page }) => {
  const backend = await startBackend({ seed: 'demo' });
  const host = await startHost({ serverUrl: backend.url });
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(host.url);
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await expect(page.getByTestId('login-form')).toBeVisible();
    // A CSP violation or a failed bridge connection shows up as a console error.
    expect(errors).toEqual([]);
  } finally {
    await host.stop();
    await backend.stop();
  }
});
