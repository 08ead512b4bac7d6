// Where simulated customers come from: the server's own database (demo mode) or a synthetic
// pool of fictional people (the load CLI, which only knows the URL).
import type { Kysely } from 'kysely';
import { type Channel, OPEN_STATUSES } from '../../shared/domain';
import type { DB } from '../db/schema';
import { makePeople, type Person } from '../seed/people';
import type { Random } from '../seed/prng';
import { newConversationChannel, personAsTarget, type Target } from './traffic';

export interface TargetSource {
  /** Customers with an open conversation, on its channel. */
  waiting(): Promise<Target[]>;
  /** Known customers without an open conversation. */
  idle(): Promise<Target[]>;
}

const SAMPLE = 200;

export function openConversationTargets(db: Kysely<DB>, random: Random): TargetSource {
  const withHandles = async (rows: { contact_id: string; name: string; channel: Channel }[]): Promise<Target[]> => {
    if (rows.length === 0) return [];
    const handles = await db
      .selectFrom('contact_handles')
      .select(['contact_id', 'kind', 'value'])
      .where('contact_id', 'in', rows.map((r) => r.contact_id))
      .execute();
    return rows.map((r) => {
      const own = handles.filter((h) => h.contact_id === r.contact_id);
      const value = (kind: string) => own.find((h) => h.kind === kind)?.value ?? null;
      const phone = value('phone');
      return { channel: r.channel, name: r.name, phone: phone === null ? null : `+${phone}`, email: value('email'), psid: value('psid') };
    });
  };
  return {
    waiting: async () =>
      withHandles(
        await db
          .selectFrom('conversations')
          .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
          .select(['conversations.contact_id', 'contacts.name', 'conversations.channel'])
          .where('conversations.status', 'in', OPEN_STATUSES)
          .orderBy('conversations.last_message_at', 'desc')
          .orderBy('conversations.id', 'desc')
          .limit(SAMPLE)
          .execute() as { contact_id: string; name: string; channel: Channel }[],
      ),
    idle: async () =>
      withHandles(
        (
          await db
            .selectFrom('contacts')
            .select(['contacts.id as contact_id', 'contacts.name'])
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('conversations')
                    .select('conversations.id')
                    .whereRef('conversations.contact_id', '=', 'contacts.id')
                    .where('conversations.status', 'in', OPEN_STATUSES),
                ),
              ),
            )
            .limit(SAMPLE)
            .execute()
        ).map((r) => ({ ...r, channel: newConversationChannel(random) })),
      ),
  };
}

/** A pool of fictional customers; those written as once count as having an open conversation. */
export function syntheticTargets(random: Random, poolSize: number): TargetSource {
  const pool: Person[] = makePeople(random, poolSize);
  const active: Target[] = [];
  return {
    waiting: async () => active,
    idle: async () => {
      const person = pool.pop();
      if (!person) return [];
      const target = personAsTarget(random, person);
      active.push(target);
      return [target];
    },
  };
}
