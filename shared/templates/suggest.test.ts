import { describe, expect, it } from 'vitest';
import { suggestReplies, words, type Suggestible } from './suggest';

const item = (id: string, title: string, body: string, uses = 0, category = 'General'): Suggestible => ({ id, title, body, category, uses });

const CANNED = [
  item('refund', 'Refund on its way', 'Your refund has been issued. It usually shows up within 3–5 business days.', 0, 'Payment reminder'),
  item('booked', 'Service booked', 'Your {{vehicle.make}} is booked in for a service on {{appointment.date}}.', 0, 'Appointment confirmation'),
  item('shipped', 'Order shipped', 'Order {{order.number}} is on its way and should arrive soon.', 0, 'Follow-up'),
  item('hours', 'Opening hours', 'We are open Monday to Friday, 8 to 18.', 0, 'Welcome'),
];

describe('words', () => {
  it('drops stop words, accents, variables and plural endings', () => {
    expect(words('Where is my REFUND? Die Rückerstattung {{first_name}} orders')).toEqual(['refund', 'die', 'ruckerstattung', 'order']);
  });
});

describe('suggestReplies', () => {
  it('ranks the reply that matches the customer’s words first', () => {
    expect(suggestReplies('Hi, when will my refund arrive?', CANNED).map((c) => c.id)[0]).toBe('refund');
    expect(suggestReplies('Can I book my car in for a service next week?', CANNED).map((c) => c.id)[0]).toBe('booked');
    expect(suggestReplies('Has my order shipped yet?', CANNED).map((c) => c.id)[0]).toBe('shipped');
  });

  it('suggests nothing when no word is shared', () => {
    expect(suggestReplies('ok thanks!', CANNED)).toEqual([]);
    expect(suggestReplies('Zebra xylophone', CANNED)).toEqual([]);
    expect(suggestReplies('refund', [])).toEqual([]);
  });

  it('lifts frequently used replies among similar ones, never unrelated ones', () => {
    const twins = [item('a', 'Delivery delayed', 'Your delivery is delayed by a day.'), item('b', 'Delivery delayed', 'Your delivery is delayed by a day.', 40)];
    expect(suggestReplies('my delivery is late', twins).map((c) => c.id)).toEqual(['b', 'a']);
    const popular = [...CANNED.slice(0, 3), item('hours', 'Opening hours', 'We are open Monday to Friday.', 1_000)];
    expect(suggestReplies('Where is my refund?', popular).map((c) => c.id)).not.toContain('hours');
    expect(suggestReplies('Where is my refund?', popular)[0]!.id).toBe('refund');
  });

  it('returns at most `limit`', () => {
    const many = Array.from({ length: 10 }, (_, i) => item(`r${i}`, `Refund ${i}`, 'refund refund'));
    expect(suggestReplies('refund please', many, 3)).toHaveLength(3);
  });
});
