// The tenant a webhook names by its slug, read once per few seconds instead of once per request.
// Only tenants that exist are kept (an unknown slug is read again next time, so a new tenant is
// found at once). Nothing in this server changes a tenant row after the seed, but another process
// on the same database (or an operator) may rotate a tenant's webhook secret: a cached row is read
// again once it is `ttlMs` old, so a rotated secret is enforced within that time.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { findTenantBySlug, type TenantRow } from './directory';

/** How long a tenant's row (and so its webhook secret's hash) is trusted without reading it again. */
export const TENANT_CACHE_MS = 5_000;

export type TenantLookup = (slug: string) => Promise<TenantRow | null>;

export function cachedTenantLookup(db: Kysely<DB>, options: { now: () => number; ttlMs?: number }): TenantLookup {
  const ttlMs = options.ttlMs ?? TENANT_CACHE_MS;
  const cache = new Map<string, { tenant: TenantRow; readAt: number }>();
  return async (slug) => {
    const at = options.now();
    const cached = cache.get(slug);
    if (cached && at - cached.readAt < ttlMs) return cached.tenant;
    const tenant = await findTenantBySlug(db, slug);
    if (tenant) cache.set(slug, { tenant, readAt: at });
    else cache.delete(slug);
    return tenant;
  };
}
