import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { useCommand } from './commands';
import { CommandPalette } from './CommandPalette';

function Probe({ log }: { log: string[] }) {
  const [palette, setPalette] = useState(false);
  useCommand('resolve', () => log.push('resolve'));
  useCommand('palette', () => setPalette(true));
  return (
    <>
      <textarea data-testid="box" />
      {palette ? <CommandPalette onClose={() => setPalette(false)} /> : null}
    </>
  );
}

describe('commands', () => {
  it('runs Ctrl+R as resolve, also from a text field, and never lets the browser reload', async () => {
    const log: string[] = [];
    const desk = fakeDesk({});
    await renderWithDesk(<Probe log={log} />, desk);
    const event = new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, bubbles: true, cancelable: true });
    screen.getByTestId('box').dispatchEvent(event);
    expect(log).toEqual(['resolve']);
    expect(event.defaultPrevented).toBe(true);
  });

  it('prevents the reload even when no screen offers the command', async () => {
    await renderWithDesk(<textarea data-testid="box" />, fakeDesk({}));
    const event = new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, bubbles: true, cancelable: true });
    screen.getByTestId('box').dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('runs commands chosen in the menu', async () => {
    const log: string[] = [];
    const desk = fakeDesk({});
    await renderWithDesk(<Probe log={log} />, desk);
    desk.emit('command', { id: 'resolve' });
    desk.emit('command', { id: 'no-such-command' });
    expect(log).toEqual(['resolve']);
  });

  it('lists commands in the palette, marks unavailable ones, and runs the chosen one', async () => {
    const log: string[] = [];
    await renderWithDesk(<Probe log={log} />, fakeDesk({}));
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const search = await screen.findByTestId('palette-search');
    const transfer = screen.getAllByTestId('palette-item').find((item) => item.dataset.command === 'transfer');
    expect(transfer?.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(search, { target: { value: 'resolve the' } });
    expect(screen.getAllByTestId('palette-item').map((item) => item.dataset.command)).toEqual(['resolve']);
    fireEvent.keyDown(search, { key: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['resolve']);
  });
});
