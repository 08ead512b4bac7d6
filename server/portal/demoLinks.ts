// Sign-in links for a few demo customers, so `npm start` can open the portal as a customer would:
// the customers with the most conversations, at least one of them still open.
import type { Kysely } from 'kysely';
import { PORTAL, type PortalDemoLink } from '../../shared/portal';
import type { DB } from '../db/schema';
import { OPEN_STATUSES } from '../store/conversations';
import { signMagicToken } from './magicLink';
import { portalSettings } from './store';

/** Demo links stay valid for a week: long enough for a demo, short enough to be a real expiry. */
export const DEMO_LINK_MS = 7 * 24 * 60 * 60 * 1000;

export async function demoPortalLinks(
  db: Kysely<DB>,
  options: { tenantSlug: string; baseUrl: string; now: number; count: number },
): Promise<PortalDemoLink[]> {
  const tenant = await db.selectFrom('tenants').select(['id', 'slug']).where('slug', '=', options.tenantSlug).executeTakeFirst();
  if (!tenant) return [];
  const rows = await db
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .select((eb) => [
      'contacts.id as id',
      'contacts.name as name',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('conversations.status', 'in', OPEN_STATUSES).then(1).else(0).end()).as('open'),
    ])
    .where('conversations.tenant_id', '=', tenant.id)
    .groupBy(['contacts.id', 'contacts.name'])
    .having((eb) => eb.fn.sum(eb.case().when('conversations.status', 'in', OPEN_STATUSES).then(1).else(0).end()), '>', 0)
    .orderBy('total', 'desc')
    .orderBy('contacts.id')
    .limit(options.count)
    .execute();
  const { signingSecret } = await portalSettings(db, tenant.id);
  return rows.map((row) => {
    const token = signMagicToken(signingSecret, { contactId: row.id, expiresAt: options.now + DEMO_LINK_MS });
    const total = Number(row.total);
    return {
      name: row.name,
      about: `${total} conversation${total === 1 ? '' : 's'}, ${Number(row.open)} open`,
      url: `${options.baseUrl}${PORTAL.signIn(tenant.slug)}?token=${token}`,
    };
  });
}
