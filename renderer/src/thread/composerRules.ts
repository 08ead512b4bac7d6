// What the composer allows in a conversation right now, from the channel rules in shared/.
// Pure, so the window and counter logic is tested without rendering.
import type { Channel } from '../../../shared/domain';
import { whatsappWindow, type WhatsAppWindow } from '../../../shared/channels/whatsapp';
import { smsSegments, type SmsSegments } from '../../../shared/channels/sms';

export type ComposerMode = 'reply' | 'note';

export interface ComposerRules {
  /** Free text (and attachments) may be sent; false outside WhatsApp's window. */
  freeText: boolean;
  /** Set on WhatsApp: the window state. */
  whatsapp: WhatsAppWindow | null;
  /** Set while typing an SMS reply (voice conversations are answered by SMS). */
  sms: SmsSegments | null;
}

export function composerRules(input: { channel: Channel; lastInboundAt: number | null; now: number; mode: ComposerMode; body: string }): ComposerRules {
  // Notes never leave the desk: no channel rule applies to them.
  if (input.mode === 'note') return { freeText: true, whatsapp: null, sms: null };
  if (input.channel === 'whatsapp') {
    const window = whatsappWindow(input.lastInboundAt, input.now);
    return { freeText: window.open, whatsapp: window, sms: null };
  }
  if (input.channel === 'sms' || input.channel === 'voice') return { freeText: true, whatsapp: null, sms: smsSegments(input.body) };
  return { freeText: true, whatsapp: null, sms: null };
}

/** Hours and minutes left, for "5 h 12 min left". */
export function timeLeft(ms: number): { hours: number; minutes: number } {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
