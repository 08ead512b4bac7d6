// WhatsApp's customer-service window and the message templates approved for use outside it.
// Pure: the composer, the server's send check and the new-conversation dialog share these rules.

/** A business may send free-form messages for 24 hours after the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export type WhatsAppWindow =
  | { open: true; closesAt: number; remainingMs: number }
  /** `lastInboundAt` null: the customer never wrote, so only a template can start the conversation. */
  | { open: false; closedAt: number | null };

export function whatsappWindow(lastInboundAt: number | null, now: number): WhatsAppWindow {
  if (lastInboundAt === null) return { open: false, closedAt: null };
  const closesAt = lastInboundAt + WHATSAPP_WINDOW_MS;
  // A message newer than the caller's clock (one that ticks each minute, or another machine's) has
  // just opened the window: it has its whole 24 hours left, never more.
  if (now < closesAt) return { open: true, closesAt, remainingMs: Math.min(closesAt - now, WHATSAPP_WINDOW_MS) };
  return { open: false, closedAt: closesAt };
}

export interface WhatsAppTemplate {
  /** The name the template was approved under; what the server checks. */
  id: string;
  /** Approved text; `{{1}}`, `{{2}}`… are filled in by the agent, in order of `params`. */
  body: string;
  /** What each placeholder stands for (labels for the form, in English; translated by key). */
  params: readonly WhatsAppTemplateParam[];
}

export type WhatsAppTemplateParam = 'customerName' | 'orderNumber' | 'appointmentTime' | 'agentName';

/** The templates this team had approved. The server refuses any other template id. */
export const WHATSAPP_TEMPLATES: readonly WhatsAppTemplate[] = [
  {
    id: 'follow_up',
    body: 'Hello {{1}}, this is {{2}} from the support team following up on your request. Reply to this message to continue the conversation.',
    params: ['customerName', 'agentName'],
  },
  {
    id: 'order_update',
    body: 'Hello {{1}}, there is an update on your order {{2}}. Reply to this message and we will tell you more.',
    params: ['customerName', 'orderNumber'],
  },
  {
    id: 'appointment_reminder',
    body: 'Hello {{1}}, this is a reminder of your appointment on {{2}}. Reply YES to confirm or write to us to change it.',
    params: ['customerName', 'appointmentTime'],
  },
  {
    id: 'reopen_conversation',
    body: 'Hello {{1}}, we have an answer to your earlier question. Reply to this message to continue.',
    params: ['customerName'],
  },
];

export const MAX_TEMPLATE_PARAM_LENGTH = 200;

export function findTemplate(id: string): WhatsAppTemplate | null {
  return WHATSAPP_TEMPLATES.find((t) => t.id === id) ?? null;
}

export type TemplateRender = { ok: true; body: string } | { ok: false; error: string };

/**
 * The text a template sends with `values` filled in. Every placeholder needs a value (one line, no
 * longer than MAX_TEMPLATE_PARAM_LENGTH): WhatsApp rejects templates with empty parameters.
 */
export function renderTemplate(template: WhatsAppTemplate, values: readonly string[]): TemplateRender {
  if (values.length !== template.params.length) {
    return { ok: false, error: `Template ${template.id} takes ${template.params.length} values, got ${values.length}.` };
  }
  const clean: string[] = [];
  for (const [index, raw] of values.entries()) {
    const value = raw.replace(/\s+/g, ' ').trim();
    if (value === '') return { ok: false, error: `Template ${template.id}: value ${index + 1} is empty.` };
    if (value.length > MAX_TEMPLATE_PARAM_LENGTH) {
      return { ok: false, error: `Template ${template.id}: value ${index + 1} is longer than ${MAX_TEMPLATE_PARAM_LENGTH} characters.` };
    }
    clean.push(value);
  }
  const body = template.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => clean[Number(n) - 1] ?? '');
  return { ok: true, body };
}
