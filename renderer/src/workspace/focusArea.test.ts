import { describe, expect, it } from 'vitest';
import { focusAreaOf } from './focusArea';

describe('focusAreaOf', () => {
  it('classifies the focused element', () => {
    document.body.innerHTML = '<textarea></textarea><div data-shortcut-area="list"><div id="row"></div></div><button></button>';
    expect(focusAreaOf(document.querySelector('textarea'))).toBe('editing');
    expect(focusAreaOf(document.getElementById('row'))).toBe('list');
    expect(focusAreaOf(document.querySelector('button'))).toBe('control');
    expect(focusAreaOf(document.body)).toBe('page');
  });
});
