import { describe, expect, it } from 'vitest';
import { WHATSAPP_WINDOW_MS } from '../../../shared/channels/whatsapp';
import { composerRules, timeLeft } from './composerRules';

describe('composerRules', () => {
  const now = 100 * WHATSAPP_WINDOW_MS;
  it('allows free text on WhatsApp only inside the window', () => {
    expect(composerRules({ channel: 'whatsapp', lastInboundAt: now - 1000, now, mode: 'reply', body: '' })).toMatchObject({ freeText: true, whatsapp: { open: true } });
    expect(composerRules({ channel: 'whatsapp', lastInboundAt: now - WHATSAPP_WINDOW_MS, now, mode: 'reply', body: '' })).toMatchObject({ freeText: false, whatsapp: { open: false } });
    expect(composerRules({ channel: 'whatsapp', lastInboundAt: null, now, mode: 'reply', body: '' }).freeText).toBe(false);
  });

  it('applies no channel rule to notes', () => {
    expect(composerRules({ channel: 'whatsapp', lastInboundAt: null, now, mode: 'note', body: 'x' })).toEqual({ freeText: true, whatsapp: null, sms: null });
    expect(composerRules({ channel: 'sms', lastInboundAt: null, now, mode: 'note', body: 'x' }).sms).toBeNull();
  });

  it('counts SMS segments for SMS and voice replies', () => {
    expect(composerRules({ channel: 'sms', lastInboundAt: null, now, mode: 'reply', body: 'a'.repeat(161) }).sms).toMatchObject({ segments: 2 });
    expect(composerRules({ channel: 'voice', lastInboundAt: null, now, mode: 'reply', body: 'hi' }).sms).toMatchObject({ segments: 1 });
    expect(composerRules({ channel: 'email', lastInboundAt: null, now, mode: 'reply', body: 'hi' }).sms).toBeNull();
  });

  it('rounds the time left up to the minute', () => {
    expect(timeLeft(5 * 3_600_000 + 11 * 60_000 + 1)).toEqual({ hours: 5, minutes: 12 });
    expect(timeLeft(30_000)).toEqual({ hours: 0, minutes: 1 });
  });
});
