// The demo tenant that the embedded backend seeds on first run. The README, the start script, the
// seed and the tests all read the logins from here, so they cannot drift apart.

export const DEMO_TENANT = { slug: 'acme', name: 'Acme Support' } as const;

/** Demo password of every demo agent. Demo data only: a real tenant sets its own. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_AGENTS = [
  { name: 'Alex Morgan', email: 'alex@acme.test' },
  { name: 'Bea Schmidt', email: 'bea@acme.test' },
  { name: 'Chen Wei', email: 'chen@acme.test' },
  { name: 'Dana Okafor', email: 'dana@acme.test' },
  { name: 'Elif Yilmaz', email: 'elif@acme.test' },
] as const;

/** May edit the team's canned messages. */
export const DEMO_SUPERVISOR_EMAIL = 'alex@acme.test';

export const DEMO_QUEUES = ['General', 'Billing', 'Technical'] as const;

/** Shared secret the simulated carriers send in the webhook header. */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';
