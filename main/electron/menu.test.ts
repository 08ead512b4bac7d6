import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { DESKTOP_LABEL_KEYS } from '../../shared/desktop';
import { COMMANDS } from '../../shared/keymap';
import { menuTemplate, toAccelerator } from './menu';
import { spellingMenu } from './spelling';
import { trayMenuTemplate, trayStatusOf, trayTooltip } from './tray';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('menuTemplate', () => {
  const ran: string[] = [];
  const build = (isMac: boolean, isDev = false) => flatten(menuTemplate({ labels: {}, isMac, isDev, run: (id) => ran.push(id) }));

  it('lists every keymap command that belongs in a menu, and runs it when clicked', () => {
    const items = build(false);
    for (const command of COMMANDS.filter((c) => 'menu' in c)) {
      const item = items.find((i) => i.id === `command:${command.id}`);
      expect(item, command.id).toBeDefined();
      (item!.click as () => void)();
    }
    expect(ran).toEqual(COMMANDS.filter((c) => 'menu' in c).map((c) => c.id));
  });

  it('never binds reload, and leaves keymap keys to the renderer', () => {
    for (const isMac of [false, true]) {
      for (const item of build(isMac, true)) {
        expect(item.role).not.toBe('reload');
        expect(item.role).not.toBe('forceReload');
        if (item.accelerator) expect(item.registerAccelerator).toBe(false);
      }
    }
    expect(build(false).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build(false, true).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('uses translated labels when the window has sent them', () => {
    const items = flatten(menuTemplate({ labels: { 'menu.conversation': 'Unterhaltung', 'keymap.resolve': 'Abschließen' }, isMac: false, isDev: false, run: () => undefined }));
    expect(items.some((i) => i.label === 'Unterhaltung')).toBe(true);
    expect(items.find((i) => i.id === 'command:resolve')?.label).toBe('Abschließen');
    expect(items.find((i) => i.id === 'command:resolve')?.accelerator).toBe('CmdOrCtrl+R');
  });

  it('has a label key for every menu title and command', () => {
    expect(DESKTOP_LABEL_KEYS).toEqual(expect.arrayContaining(['menu.file', 'menu.help', 'keymap.resolve', 'tray.open']));
  });
});

describe('toAccelerator', () => {
  it('spells keymap bindings the way Electron reads them', () => {
    expect(toAccelerator({ key: 'k', mod: true })).toBe('CmdOrCtrl+K');
    expect(toAccelerator({ key: 'ArrowDown', alt: true })).toBe('Alt+Down');
    expect(toAccelerator({ key: '?' })).toBe('?');
    expect(toAccelerator({ key: 'Enter', shift: true })).toBe('Shift+Return');
  });
});

describe('tray', () => {
  it('offers Open, the status and Quit', () => {
    const calls: string[] = [];
    const items = trayMenuTemplate({
      labels: {},
      open: () => calls.push('open'),
      quit: () => calls.push('quit'),
      status: { current: 'busy', choices: [{ value: 'available', label: 'Available' }, { value: 'busy', label: 'Busy' }], set: (v) => calls.push(v) },
    });
    const flat = flatten(items);
    (flat.find((i) => i.label === 'Open Agent Desk')!.click as () => void)();
    expect(flat.find((i) => i.label === 'Busy')).toMatchObject({ type: 'radio', checked: true });
    (flat.find((i) => i.label === 'Available')!.click as () => void)();
    (flat.find((i) => i.label === 'Quit')!.click as () => void)();
    expect(calls).toEqual(['open', 'available', 'quit']);
  });
  it('shows the unread count in the tooltip', () => {
    expect(trayTooltip('Agent Desk', 0, {})).toBe('Agent Desk');
    expect(trayTooltip('Agent Desk', 4, { 'tray.unread': '{{count}} ungelesen' })).toBe('Agent Desk: 4 ungelesen');
  });
});

describe('spellingMenu', () => {
  it('offers suggestions and adding the word for a misspelling in a text field', () => {
    const done: string[] = [];
    const target = { replaceMisspelling: (t: string) => done.push(`replace ${t}`), session: { addWordToSpellCheckerDictionary: (w: string) => done.push(`add ${w}`) !== 0 } };
    const items = spellingMenu({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] }, {}, target);
    (items[0]!.click as () => void)();
    (items.find((i) => i.label === 'Add to dictionary')!.click as () => void)();
    expect(done).toEqual(['replace receive', 'add recieve']);
    expect(items.some((i) => i.role === 'paste')).toBe(true);
    expect(spellingMenu({ isEditable: false, misspelledWord: '', dictionarySuggestions: [] }, {}, target)).toEqual([]);
  });
});

describe('trayStatusOf', () => {
  const team = {
    agents: [
      { id: 'a-1', name: 'Alex', email: 'alex@example.com', status: 'busy' as const, capacity: 5, queueIds: [], load: 1 },
      { id: 'a-2', name: 'Bea', email: 'bea@example.com', status: 'available' as const, capacity: 5, queueIds: [], load: 0 },
    ],
  };

  it("shows the signed-in agent's own status, translated, and sets the one clicked", () => {
    const set: string[] = [];
    const status = trayStatusOf(team, 'a-1', { 'agentStatus.away': 'Abwesend' }, (s) => set.push(s))!;
    expect(status.current).toBe('busy');
    expect(status.choices.map((c) => c.label)).toEqual(['Available', 'Busy', 'Abwesend']);
    const away = flatten(trayMenuTemplate({ labels: {}, open: () => undefined, quit: () => undefined, status })).find((i) => i.label === 'Abwesend')!;
    (away.click as () => void)();
    expect(set).toEqual(['away']);
  });

  it('shows no status before sign-in or before the team has synced the agent', () => {
    expect(trayStatusOf(team, null, {}, () => undefined)).toBeNull();
    expect(trayStatusOf(null, 'a-1', {}, () => undefined)).toBeNull();
    expect(trayStatusOf(team, 'a-9', {}, () => undefined)).toBeNull();
  });
});
