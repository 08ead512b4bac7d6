// What an inbound webhook says, independent of the channel's wire shape.
import type { CallRecord, Channel } from '../../shared/domain';
import type { webhookSchemas } from '../../shared/protocol';
import type { z } from 'zod';
import type { Handle } from '../store/contacts';

export type WebhookPayload<C extends Channel> = z.infer<(typeof webhookSchemas)[C]>;

export interface InboundMessage {
  externalId: string;
  handle: Handle;
  /** Display name the carrier knows, if any. */
  name: string | null;
  /** Phone/email to put on a new contact. */
  phone: string | null;
  email: string | null;
  subject: string | null;
  body: string;
  call: CallRecord | null;
}

export function callSummary(durationSec: number): string {
  if (durationSec < 60) return `Call, ${durationSec} s`;
  return `Call, ${Math.round(durationSec / 60)} min`;
}

export function describeInbound(channel: Channel, payload: WebhookPayload<Channel>): InboundMessage {
  const base = { externalId: payload.externalId, subject: null, call: null, phone: null, email: null, name: null };
  switch (channel) {
    case 'whatsapp': {
      const p = payload as WebhookPayload<'whatsapp'>;
      return { ...base, handle: { kind: 'phone', value: p.from }, phone: p.from, name: p.profileName ?? null, body: p.text };
    }
    case 'sms': {
      const p = payload as WebhookPayload<'sms'>;
      return { ...base, handle: { kind: 'phone', value: p.from }, phone: p.from, body: p.text };
    }
    case 'email': {
      const p = payload as WebhookPayload<'email'>;
      return {
        ...base,
        handle: { kind: 'email', value: p.from },
        email: p.from,
        name: p.fromName ?? null,
        subject: p.subject ?? null,
        body: p.text,
      };
    }
    case 'portal': {
      const p = payload as WebhookPayload<'portal'>;
      return { ...base, handle: { kind: 'email', value: p.email }, email: p.email, name: p.name ?? null, body: p.text };
    }
    case 'messenger': {
      const p = payload as WebhookPayload<'messenger'>;
      return { ...base, handle: { kind: 'psid', value: p.psid }, name: p.name ?? null, body: p.text };
    }
    case 'voice': {
      const p = payload as WebhookPayload<'voice'>;
      return {
        ...base,
        handle: { kind: 'phone', value: p.from },
        phone: p.from,
        body: callSummary(p.durationSec),
        call: { durationSec: p.durationSec, transcript: p.transcript, outcome: p.outcome, summary: p.summary ?? null },
      };
    }
  }
}

/** Name for a contact the carrier gave no name for. */
export function fallbackName(message: InboundMessage): string {
  return message.phone ?? message.email ?? 'Messenger user';
}
