// Template variables in canned messages: {{first_name}}, {{vehicle.registration}},
// {{first_name | "there"}}. Pure: the values come from a context the caller builds, dates and
// amounts are formatted with Intl in the agent's locale. A variable without a value and without a
// fallback stays in the text as written and is reported, so the composer can highlight it and ask
// before sending: a raw placeholder never reaches a customer by accident.
import type { Appointment, Contact, Conversation, Order, Vehicle } from '../domain';

/** {{ name }} or {{ name | "fallback" }} (single or double quotes). */
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\s*(?:\|\s*(?:"([^"]*)"|'([^']*)')\s*)?\}\}/gi;
/** Anything that still looks like a placeholder in text about to be sent. */
const LEFTOVER = /\{\{[^{}]*\}\}/g;

export interface TemplateContext {
  contact: Contact | null;
  conversation: Conversation | null;
  agentName: string;
  /** BCP 47 tag of the agent's language, for dates and amounts. */
  locale: string;
  /** IANA time zone for dates; the runtime's when absent. */
  timeZone?: string;
  now: number;
}

export interface Resolved {
  text: string;
  /** Names of variables left unresolved, in order of appearance. */
  unresolved: string[];
}

export function resolveTemplate(body: string, ctx: TemplateContext): Resolved {
  const values = variableValues(ctx);
  const unresolved: string[] = [];
  const text = body.replace(PLACEHOLDER, (raw, name: string, double?: string, single?: string) => {
    const value = values(name.toLowerCase());
    if (value !== null && value !== '') return value;
    const fallback = double ?? single;
    if (fallback !== undefined) return fallback;
    unresolved.push(name);
    return raw;
  });
  return { text, unresolved };
}

/** Placeholders still in a text (after resolving, or typed by hand), with their positions. */
export function findPlaceholders(text: string): { start: number; end: number; raw: string }[] {
  return [...text.matchAll(LEFTOVER)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
}

/** The variables a template may use, for the editor's help. */
export const KNOWN_VARIABLES = [
  'first_name', 'last_name', 'name', 'email', 'phone', 'agent_name', 'conversation_id',
  'vehicle.registration', 'vehicle.make', 'vehicle.model', 'vehicle.year',
  'order.id', 'order.number', 'order.title', 'order.status', 'order.date', 'order.amount',
  'appointment.date', 'appointment.time', 'appointment.title', 'appointment.location',
  'loyalty.points', 'loyalty.tier', 'voucher.code', 'voucher.description',
] as const;

function variableValues(ctx: TemplateContext): (name: string) => string | null {
  const { contact, conversation } = ctx;
  const profile = contact?.profile;
  const words = (contact?.name ?? '').trim().split(/\s+/).filter(Boolean);
  const date = (at: number) => new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: ctx.timeZone }).format(at);
  const dateTime = (at: number) => new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone }).format(at);
  const time = (at: number) => new Intl.DateTimeFormat(ctx.locale, { timeStyle: 'short', timeZone: ctx.timeZone }).format(at);
  const link = conversation?.linkedRecord ?? null;

  const vehicle = (): Vehicle | null => {
    const vehicles = profile?.vehicles ?? [];
    return (link?.type === 'vehicle' ? vehicles.find((v) => v.id === link.id) : undefined) ?? vehicles[0] ?? null;
  };
  const order = (): Order | null => {
    const orders = profile?.orders ?? [];
    const linked = link?.type === 'order' ? orders.find((o) => o.id === link.id) : undefined;
    const active = orders.find((o) => o.status !== 'completed' && o.status !== 'cancelled');
    return linked ?? active ?? orders[0] ?? null;
  };
  const appointment = (): Appointment | null => {
    const all = [...(profile?.appointments ?? [])].sort((a, b) => a.at - b.at);
    const linked = link?.type === 'appointment' ? all.find((a) => a.id === link.id) : undefined;
    return linked ?? all.find((a) => a.at >= ctx.now) ?? all.at(-1) ?? null;
  };

  return (name) => {
    const [head, field] = name.split('.') as [string, string | undefined];
    if (field === undefined) {
      switch (head) {
        case 'first_name':
          return words[0] ?? null;
        case 'last_name':
          return words.length > 1 ? words.at(-1)! : null;
        case 'name':
          return contact?.name || null;
        case 'email':
          return contact?.email ?? null;
        case 'phone':
          return contact?.phone ?? null;
        case 'agent_name':
          return ctx.agentName || null;
        case 'conversation_id':
          return conversation?.id ?? null;
        default:
          return profile?.attributes[head] ?? null;
      }
    }
    switch (head) {
      case 'attributes':
        return profile?.attributes[field] ?? null;
      case 'vehicle': {
        const v = vehicle();
        if (!v) return null;
        return field === 'registration' ? v.registration : field === 'make' ? v.make : field === 'model' ? v.model : field === 'year' && v.year !== null ? String(v.year) : null;
      }
      case 'order': {
        const o = order();
        if (!o) return null;
        if (field === 'id' || field === 'number') return o.number;
        if (field === 'title') return o.title;
        if (field === 'status') return o.status;
        if (field === 'date') return o.scheduledAt === null ? null : date(o.scheduledAt);
        if (field === 'amount') return o.amount === null ? null : new Intl.NumberFormat(ctx.locale, { style: 'currency', currency: o.amount.currency }).format(o.amount.minor / 100);
        return null;
      }
      case 'appointment': {
        const a = appointment();
        if (!a) return null;
        if (field === 'date') return dateTime(a.at);
        if (field === 'time') return time(a.at);
        if (field === 'title') return a.title;
        if (field === 'location') return a.location;
        return null;
      }
      case 'loyalty':
        if (!profile?.loyalty) return null;
        return field === 'points' ? new Intl.NumberFormat(ctx.locale).format(profile.loyalty.points) : field === 'tier' ? profile.loyalty.tier : null;
      case 'voucher': {
        const voucher = profile?.vouchers.find((v) => !v.redeemed && (v.expiresAt === null || v.expiresAt >= ctx.now));
        return voucher ? (field === 'code' ? voucher.code : field === 'description' ? voucher.description : null) : null;
      }
      default:
        return null;
    }
  };
}
