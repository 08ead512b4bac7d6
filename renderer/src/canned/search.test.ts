import { describe, expect, it } from 'vitest';
import type { CannedItem } from '../../../shared/ipc/contract';
import { categoriesOf, fuzzyScore, searchCanned } from './search';

const item = (shortcut: string, title: string, body: string, category = 'Welcome', uses = 0): CannedItem => ({
  id: shortcut,
  scope: 'team',
  ownerAgentId: null,
  shortcut,
  title,
  body,
  category,
  updatedAt: 0,
  seq: 1,
  uses,
});

const ITEMS = [
  item('hi', 'Greeting', 'Hi {{first_name}}, thanks for getting in touch'),
  item('booked', 'Service booked', 'Your car is booked in', 'Appointment confirmation'),
  item('pay', 'Payment reminder', 'A friendly reminder that the invoice is due', 'Payment reminder'),
  item('bye', 'Goodbye', 'Have a great day', 'Closing'),
  item('shipped', 'Order shipped', 'Hi, your order is on its way', 'Follow-up'),
];

describe('canned search', () => {
  it('scores exact, prefix and in-order matches', () => {
    expect(fuzzyScore('hi', 'hi')).toBeGreaterThan(fuzzyScore('hi', 'this'));
    expect(fuzzyScore('pmt', 'payment')).toBeGreaterThan(0);
    expect(fuzzyScore('tmp', 'payment')).toBe(0);
  });

  it('puts the shortcut match first, also finds title and body words', () => {
    expect(searchCanned(ITEMS, 'bo', null)[0]!.shortcut).toBe('booked');
    expect(searchCanned(ITEMS, 'hi', null)[0]!.shortcut).toBe('hi');
    expect(searchCanned(ITEMS, 'reminder', null)[0]!.shortcut).toBe('pay');
    expect(searchCanned(ITEMS, 'great day', null).map((c) => c.shortcut)).toEqual(['bye']);
    expect(searchCanned(ITEMS, 'zzz', null)).toEqual([]);
  });

  it('browses by category', () => {
    expect(searchCanned(ITEMS, '', 'Closing').map((c) => c.shortcut)).toEqual(['bye']);
    expect(categoriesOf(ITEMS)).toEqual(['Appointment confirmation', 'Closing', 'Follow-up', 'Payment reminder', 'Welcome']);
  });
});
