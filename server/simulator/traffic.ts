// What simulated customers write, as webhook bodies: pure functions of a PRNG.
import type { Channel } from '../../shared/domain';
import { CALLS, FOLLOW_UPS, SCRIPTS } from '../seed/corpus';
import { type Person } from '../seed/people';
import { placeholders } from '../seed/placeholders';
import { intBetween, pick, type Random, weighted } from '../seed/prng';

/** A customer the simulator can write as, on one channel. */
export interface Target {
  channel: Channel;
  name: string;
  phone: string | null;
  email: string | null;
  psid: string | null;
}

const NEW_CONVERSATION_CHANNELS: Record<Channel, number> = { whatsapp: 30, email: 20, sms: 15, portal: 12, messenger: 13, voice: 10 };

export function newConversationChannel(random: Random): Channel {
  return weighted(random, NEW_CONVERSATION_CHANNELS);
}

export function personAsTarget(random: Random, person: Person): Target {
  return { channel: newConversationChannel(random), name: person.name, phone: person.phone, email: person.email, psid: person.psid };
}

/**
 * The channel the customer can actually write on: the conversation's own, unless the contact has
 * no handle there. A customer answers a voice conversation by text.
 */
export function reachableChannel(target: Target, opening: boolean): Channel | null {
  const wanted: Channel = target.channel === 'voice' && !opening ? 'sms' : target.channel;
  const has: Record<Channel, boolean> = {
    whatsapp: target.phone !== null,
    sms: target.phone !== null,
    voice: target.phone !== null,
    email: target.email !== null,
    portal: target.email !== null,
    messenger: target.psid !== null,
  };
  if (has[wanted]) return wanted;
  return (Object.keys(has) as Channel[]).find((c) => c !== 'voice' && has[c]) ?? null;
}

/** A webhook body for `channel`: an opening message of a new issue, or a follow-up. */
export function webhookBody(
  random: Random,
  target: Target,
  channel: Channel,
  externalId: string,
  opening: boolean,
): Record<string, unknown> {
  const firstName = target.name.split(' ')[0] ?? target.name;
  const fill = placeholders(random, firstName, 'Alex');
  const script = pick(random, SCRIPTS);
  const text = opening ? fill(script.lines[0]!.text) : pick(random, FOLLOW_UPS);
  switch (channel) {
    case 'whatsapp':
      return { externalId, from: target.phone, profileName: target.name, text };
    case 'sms':
      return { externalId, from: target.phone, text };
    case 'email':
      return { externalId, from: target.email, fromName: target.name, subject: fill(script.subject), text };
    case 'portal':
      return { externalId, email: target.email, name: target.name, text };
    case 'messenger':
      return { externalId, psid: target.psid, name: target.name, text };
    case 'voice': {
      const call = pick(random, CALLS);
      const transcript = call.transcript.map((line, i) => ({ speaker: line.speaker, atSec: i * intBetween(random, 10, 50), text: fill(line.text) }));
      return { externalId, from: target.phone, durationSec: (transcript.at(-1)?.atSec ?? 0) + intBetween(random, 20, 200), transcript };
    }
  }
}
