import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keepUnchanged, useStableItems } from './stableItems';

interface Item {
  id: string;
  body: string;
  tags: string[];
}
const idOf = (item: Item) => item.id;
const item = (id: string, body = id): Item => ({ id, body, tags: ['a'] });

describe('stable items', () => {
  it('keeps the object of an unchanged item wherever it moved, and takes the new one of a changed item', () => {
    const a = item('a');
    const b = item('b');
    const previous = new Map([
      ['a', a],
      ['b', b],
    ]);
    // A new item at the front shifts both: by position nothing would match.
    const next = keepUnchanged([item('new'), item('a'), item('b', 'edited')], previous, idOf);
    expect(next[1]).toBe(a);
    expect(next[2]).not.toBe(b);
    expect(next[2]).toEqual(item('b', 'edited'));
    expect(next.map(idOf)).toEqual(['new', 'a', 'b']);
  });

  it('carries identities from render to render', () => {
    const { result, rerender } = renderHook(({ items }) => useStableItems(items, idOf), { initialProps: { items: [item('a'), item('b')] } });
    const [a, b] = result.current;
    rerender({ items: [item('c'), item('a'), item('b')] });
    expect(result.current[1]).toBe(a);
    expect(result.current[2]).toBe(b);
    const c = result.current[0];
    rerender({ items: [item('d'), item('c'), item('a')] });
    expect(result.current[1]).toBe(c);
    expect(result.current[2]).toBe(a);
  });
});
