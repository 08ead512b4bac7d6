// Playwright fixtures: every test gets a real backend process (seeded demo tenant, no simulator so
// the data holds still), a real core in host mode on its own data directory, and a page opened on
// the host's URL. Nothing is mocked. Both processes run as built programs (testing/builtPrograms.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../shared/demo';
import { startBackend, type Backend } from '../testing/backend';
import { builtBackend, builtHost } from '../testing/builtPrograms';
import { startHost, type Host } from '../testing/host';
import { temporaryDir } from '../testing/lifecycle';
import { startSlowLink } from '../testing/slowLink';

export interface DeskOptions {
  /** When set, the core reaches the backend through a link this slow in the upload direction. */
  uplinkBytesPerSecond: number | null;
}

/** Starts another agent's host on the given backend; its log is attached like the main host's. */
export type StartAgentHost = (serverUrl: string, name: string) => Promise<Host>;

export interface DeskFixtures {
  backend: Backend;
  host: Host;
  desk: Page;
  startAgentHost: StartAgentHost;
}

const hostLogFile = (name: string) => path.join(temporaryDir('desk-host-log'), `${name}.log`);

/** A failed test carries the core's log: what it did, and how it ended if it stopped. */
async function attachLogIfFailed(testInfo: TestInfo, name: string, logFile: string): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) return;
  await testInfo.attach(name, { path: logFile, contentType: 'text/plain' });
  const log = await readFile(logFile, 'utf8').catch(() => '');
  console.error(`${name} of "${testInfo.title}", last lines:\n${log.trimEnd().split('\n').slice(-30).join('\n')}`);
}

export const test = base.extend<DeskFixtures & DeskOptions>({
  uplinkBytesPerSecond: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  backend: async ({}, use) => {
    // Receipts arrive quickly so that delivered → read is observable within a test.
    const backend = await startBackend({ ...builtBackend, seed: 'demo', carrierDelayScale: 0.1, portalLinks: 2 });
    await use(backend);
    await backend.stop();
  },
  host: async ({ backend, uplinkBytesPerSecond }, use, testInfo) => {
    const link = uplinkBytesPerSecond === null ? null : await startSlowLink({ target: backend.url, uplinkBytesPerSecond });
    const logFile = hostLogFile('host');
    const host = await startHost({ ...builtHost, serverUrl: link?.url ?? backend.url, logFile });
    await use(host);
    await host.stop();
    await link?.stop();
    await attachLogIfFailed(testInfo, 'host.log', logFile);
  },
  // eslint-disable-next-line no-empty-pattern
  startAgentHost: async ({}, use, testInfo) => {
    const started: Array<{ name: string; logFile: string }> = [];
    await use(async (serverUrl, name) => {
      const logFile = hostLogFile(name);
      started.push({ name, logFile });
      return startHost({ ...builtHost, serverUrl, logFile });
    });
    for (const { name, logFile } of started) await attachLogIfFailed(testInfo, `${name}.host.log`, logFile);
  },
  desk: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

export { expect };

export const alex = DEMO_AGENTS[0];

export async function logIn(page: Page, email: string = alex.email, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByTestId('login-form');
  await expect(form).toBeVisible();
  await form.getByLabel(/email/i).fill(email);
  await form.getByLabel(/password/i).fill(password);
  await form.getByLabel(/password/i).press('Enter');
}

/**
 * Logged in and past the first snapshot page. "Online" alone is not enough: the status turns online
 * when the socket connects, before the snapshot is taken (on a loaded machine, seconds before), and
 * what customers write in between is part of that snapshot: it raises no notification, and of a
 * conversation only the newest messages are cached, the rest left to older history. Once the inbox
 * shows the snapshot's rows, anything new comes as an event.
 */
export async function logInPastSnapshot(page: Page): Promise<void> {
  await logIn(page);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  await expect(page.getByTestId('inbox-row').first()).toBeVisible();
}

/** A phone number no seeded contact has, so a webhook from it opens a new conversation. */
export function freshPhone(): string {
  return `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

let externalSeq = 0;
export function externalId(): string {
  externalSeq += 1;
  return `e2e-${Date.now()}-${externalSeq}`;
}
