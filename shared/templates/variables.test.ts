import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE, type Contact, type Conversation } from '../domain';
import { findPlaceholders, resolveTemplate, type TemplateContext } from './variables';

const NOW = Date.UTC(2030, 2, 10, 9, 0);

const contact: Contact = {
  id: 'ct1',
  name: 'Maria Garcia',
  phone: '+44 7700 900123',
  email: 'maria@example.com',
  createdAt: 0,
  seq: 1,
  profile: {
    ...EMPTY_PROFILE,
    attributes: { membership: 'Gold' },
    vehicles: [
      { id: 'v1', registration: 'AB12 CDE', make: 'Ford', model: 'Focus', year: 2019 },
      { id: 'v2', registration: 'XY70 ZZZ', make: 'Kia', model: 'Niro', year: null },
    ],
    orders: [
      { id: 'o0', kind: 'workOrder', number: 'WO-100', title: 'MOT', status: 'completed', scheduledAt: NOW - 1e9, amount: null, vehicleId: 'v1', createdAt: 0 },
      { id: 'o1', kind: 'workOrder', number: 'WO-1042', title: 'Brake service', status: 'scheduled', scheduledAt: Date.UTC(2030, 2, 14, 8, 30), amount: { minor: 123450, currency: 'EUR' }, vehicleId: 'v1', createdAt: 0 },
    ],
    appointments: [
      { id: 'a0', at: NOW - 86_400_000, title: 'Old', location: null },
      { id: 'a1', at: Date.UTC(2030, 2, 14, 8, 30), title: 'Brake service', location: 'Bay 2' },
    ],
    loyalty: { points: 12500, tier: 'Gold' },
  },
};

const conversation = { id: 'conv-7', linkedRecord: { type: 'vehicle', id: 'v2', label: 'XY70 ZZZ · Kia Niro' } } as Conversation;

const ctx = (over: Partial<TemplateContext> = {}): TemplateContext => ({
  contact,
  conversation,
  agentName: 'Alex Morgan',
  locale: 'en-GB',
  timeZone: 'UTC',
  now: NOW,
  ...over,
});

describe('resolveTemplate', () => {
  it('fills contact, agent and conversation variables', () => {
    expect(resolveTemplate('Hi {{first_name}} {{ last_name }}, {{agent_name}} here ({{conversation_id}}) {{email}} {{phone}}', ctx())).toEqual({
      text: 'Hi Maria Garcia, Alex Morgan here (conv-7) maria@example.com +44 7700 900123',
      unresolved: [],
    });
  });

  it('uses the conversation’s linked record first, then the active one', () => {
    expect(resolveTemplate('{{vehicle.registration}} {{vehicle.make}} {{vehicle.model}}', ctx()).text).toBe('XY70 ZZZ Kia Niro');
    expect(resolveTemplate('{{vehicle.registration}}', ctx({ conversation: null })).text).toBe('AB12 CDE');
    expect(resolveTemplate('{{order.id}} {{order.title}}', ctx()).text).toBe('WO-1042 Brake service');
  });

  it('reads custom attributes by name or under attributes.', () => {
    expect(resolveTemplate('{{membership}}/{{attributes.membership}}', ctx()).text).toBe('Gold/Gold');
  });

  it('formats dates and amounts in the agent’s locale', () => {
    // Intl separates with (narrow) no-break spaces; compare with plain ones.
    const resolveTemplatePlain = (body: string, c: TemplateContext) => ({ text: resolveTemplate(body, c).text.replace(/[\u00a0\u202f]/g, ' ') });
    expect(resolveTemplatePlain('{{appointment.date}}', ctx()).text).toBe('14 Mar 2030, 08:30');
    expect(resolveTemplatePlain('{{appointment.date}}', ctx({ locale: 'en-US' })).text).toBe('Mar 14, 2030, 8:30 AM');
    expect(resolveTemplatePlain('{{appointment.date}}', ctx({ locale: 'de-DE' })).text).toBe('14.03.2030, 08:30');
    expect(resolveTemplatePlain('{{order.amount}}', ctx({ locale: 'de-DE' })).text).toBe('1.234,50 €');
    expect(resolveTemplatePlain('{{order.amount}}', ctx({ locale: 'en-GB' })).text).toBe('€1,234.50');
    expect(resolveTemplatePlain('{{loyalty.points}}', ctx({ locale: 'de-DE' })).text).toBe('12.500');
  });

  it('uses the fallback when a value is missing, in either quotes', () => {
    const nameless = { ...contact, name: '', profile: undefined };
    expect(resolveTemplate('Hi {{first_name | "there"}}!', ctx({ contact: nameless })).text).toBe('Hi there!');
    expect(resolveTemplate("Hi {{first_name|'friend'}}!", ctx({ contact: nameless })).text).toBe('Hi friend!');
    expect(resolveTemplate('Hi {{first_name | "there"}}!', ctx()).text).toBe('Hi Maria!');
    expect(resolveTemplate('{{vehicle.registration | ""}}x', ctx({ contact: nameless })).text).toBe('x');
  });

  it('leaves missing values in place and reports them', () => {
    const bare = { ...contact, profile: undefined, email: null };
    expect(resolveTemplate('{{vehicle.registration}} {{email}} {{unknown_thing}} {{first_name}}', ctx({ contact: bare }))).toEqual({
      text: '{{vehicle.registration}} {{email}} {{unknown_thing}} Maria',
      unresolved: ['vehicle.registration', 'email', 'unknown_thing'],
    });
  });

  it('leaves text that is not a placeholder alone', () => {
    expect(resolveTemplate('a {b} {{ }} {{1x}} $& {{first_name}}', ctx()).text).toBe('a {b} {{ }} {{1x}} $& Maria');
  });
});

describe('findPlaceholders', () => {
  it('finds what still looks like a placeholder', () => {
    expect(findPlaceholders('Hi {{first_name}}, {{ x | "y" }} and {single}')).toEqual([
      { start: 3, end: 17, raw: '{{first_name}}' },
      { start: 19, end: 32, raw: '{{ x | "y" }}' },
    ]);
    expect(findPlaceholders('nothing here')).toEqual([]);
  });
});
