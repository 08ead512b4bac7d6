import { describe, expect, it } from 'vitest';
import { previewOf, unreadBadge } from './badge';

describe('unreadBadge', () => {
  it('hides zero and caps at 99+', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(1)).toBe('1');
    expect(unreadBadge(99)).toBe('99');
    expect(unreadBadge(100)).toBe('99+');
  });
});

describe('previewOf', () => {
  it('folds whitespace and truncates with an ellipsis', () => {
    expect(previewOf('  hello\n\n  world ')).toBe('hello world');
    expect(previewOf('abcdef', 4)).toBe('abc…');
  });
});
