import { describe, expect, it } from 'vitest';
import { countsAsUnread, statusMoves, supersedes } from './lww';

describe('last writer wins', () => {
  it('accepts a first version and strictly newer ones only', () => {
    expect(supersedes(5, undefined)).toBe(true);
    expect(supersedes(6, 5)).toBe(true);
    expect(supersedes(5, 5)).toBe(false);
    expect(supersedes(4, 5)).toBe(false);
  });
  it('moves a status only forward in server order', () => {
    expect(statusMoves(10, 9)).toBe(true);
    expect(statusMoves(9, 10)).toBe(false);
    expect(statusMoves(10, 10)).toBe(false);
  });
  it('counts unread inbound messages beyond the read marker only', () => {
    expect(countsAsUnread('inbound', 11, 10)).toBe(true);
    expect(countsAsUnread('inbound', 10, 10)).toBe(false);
    expect(countsAsUnread('outbound', 11, 0)).toBe(false);
    expect(countsAsUnread('system', 11, 0)).toBe(false);
  });
});
