import { describe, expect, it } from 'vitest';
import { windowTitle } from './title';

describe('windowTitle', () => {
  it('puts the unread count in front, capped at 99+', () => {
    expect(windowTitle('Agent Desk', 0)).toBe('Agent Desk');
    expect(windowTitle('Agent Desk', 3)).toBe('(3) Agent Desk');
    expect(windowTitle('Agent Desk', 100)).toBe('(99+) Agent Desk');
  });
});
