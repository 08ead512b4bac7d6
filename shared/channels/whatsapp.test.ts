import { describe, expect, it } from 'vitest';
import { findTemplate, renderTemplate, WHATSAPP_TEMPLATES, WHATSAPP_WINDOW_MS, whatsappWindow } from './whatsapp';

const HOUR = 60 * 60 * 1000;

describe('whatsappWindow', () => {
  it('is closed when the customer never wrote', () => {
    expect(whatsappWindow(null, 1_000)).toEqual({ open: false, closedAt: null });
  });

  it('is open for 24 hours after the last customer message and says how long is left', () => {
    const last = 10 * HOUR;
    expect(whatsappWindow(last, last)).toEqual({ open: true, closesAt: last + WHATSAPP_WINDOW_MS, remainingMs: WHATSAPP_WINDOW_MS });
    expect(whatsappWindow(last, last + 23 * HOUR)).toMatchObject({ open: true, remainingMs: HOUR });
  });

  it('has at most 24 hours left for a message newer than the clock it is read with', () => {
    const last = 10 * HOUR;
    expect(whatsappWindow(last, last - 40_000)).toEqual({ open: true, closesAt: last + WHATSAPP_WINDOW_MS, remainingMs: WHATSAPP_WINDOW_MS });
  });

  it('closes exactly at 24 hours', () => {
    const last = 5 * HOUR;
    expect(whatsappWindow(last, last + WHATSAPP_WINDOW_MS - 1)).toMatchObject({ open: true, remainingMs: 1 });
    expect(whatsappWindow(last, last + WHATSAPP_WINDOW_MS)).toEqual({ open: false, closedAt: last + WHATSAPP_WINDOW_MS });
  });
});

describe('templates', () => {
  it('have unique ids and as many placeholders as parameters', () => {
    expect(new Set(WHATSAPP_TEMPLATES.map((t) => t.id)).size).toBe(WHATSAPP_TEMPLATES.length);
    for (const t of WHATSAPP_TEMPLATES) {
      const placeholders = new Set(t.body.match(/\{\{\d+\}\}/g));
      expect(placeholders.size).toBe(t.params.length);
    }
  });

  it('fill placeholders in order and refuse missing or empty values', () => {
    const t = findTemplate('order_update');
    if (!t) throw new Error('missing template');
    expect(renderTemplate(t, ['Ana', ' #1042 '])).toEqual({
      ok: true,
      body: 'Hello Ana, there is an update on your order #1042. Reply to this message and we will tell you more.',
    });
    expect(renderTemplate(t, ['Ana'])).toMatchObject({ ok: false });
    expect(renderTemplate(t, ['Ana', '  '])).toMatchObject({ ok: false });
    expect(renderTemplate(t, ['Ana', 'x'.repeat(201)])).toMatchObject({ ok: false });
    expect(findTemplate('not_approved')).toBeNull();
  });
});
