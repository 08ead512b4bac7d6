// Runs keymap commands (shared/keymap.ts). Screens register what a command does while they are
// mounted (`useCommand`); one key listener, the command palette and the desktop menu (through the
// `command` push event) all run commands through the same registry.
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { COMMAND_IDS, COMMANDS, matchCommand, type CommandId } from '../../../shared/keymap';
import { useDeskApi } from '../api/ApiContext';
import { focusAreaOf } from './focusArea';
import { detectMac } from './platform';

type Run = () => void;

export class CommandRegistry {
  // A stack per command: the most recently mounted screen wins (a dialog over the workspace).
  private readonly handlers = new Map<CommandId, Run[]>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  register(id: CommandId, run: Run): () => void {
    const stack = this.handlers.get(id) ?? [];
    this.handlers.set(id, [...stack, run]);
    this.bump();
    return () => {
      this.handlers.set(id, (this.handlers.get(id) ?? []).filter((r) => r !== run));
      this.bump();
    };
  }

  available(id: CommandId): boolean {
    return (this.handlers.get(id)?.length ?? 0) > 0;
  }

  run(id: CommandId): boolean {
    const run = this.handlers.get(id)?.at(-1);
    if (!run) return false;
    run();
    return true;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): number => this.version;

  private bump(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

const COMMAND_HAS_MOD = new Set<CommandId>(COMMANDS.filter((c) => c.keys.some((k) => 'mod' in k && k.mod)).map((c) => c.id));

export interface CommandsValue {
  registry: CommandRegistry;
  isMac: boolean;
}

const CommandsContext = createContext<CommandsValue | null>(null);

export function CommandsProvider({ children, isMac = detectMac() }: { children: ReactNode; isMac?: boolean }) {
  const registry = useMemo(() => new CommandRegistry(), []);
  const api = useDeskApi();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const id = matchCommand(event, focusAreaOf(event.target), isMac);
      if (!id) return;
      // Ctrl+R, Ctrl+K, ...: the browser's meaning (reload, search) never applies in the console,
      // even when the command is not available right now.
      if (COMMAND_HAS_MOD.has(id)) event.preventDefault();
      // A control that handled the key itself (the composer's picker, a dialog) has the last word.
      if (event.defaultPrevented && !COMMAND_HAS_MOD.has(id)) return;
      // An open dialog owns the keyboard; Escape closes it natively.
      if (document.querySelector('dialog[open]')) return;
      if (registry.run(id)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = api.on('command', ({ id }) => {
      if ((COMMAND_IDS as readonly string[]).includes(id)) registry.run(id as CommandId);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu();
    };
  }, [registry, api, isMac]);

  const value = useMemo(() => ({ registry, isMac }), [registry, isMac]);
  return <CommandsContext.Provider value={value}>{children}</CommandsContext.Provider>;
}

export function useCommands(): CommandsValue {
  const value = useContext(CommandsContext);
  if (!value) throw new Error('useCommands needs a <CommandsProvider> above it.');
  return value;
}

/**
 * Makes `id` do `run` while the calling component is mounted; `null` leaves it unavailable (shown
 * disabled in the palette). `run` may change every render.
 */
export function useCommand(id: CommandId, run: Run | null): void {
  const { registry } = useCommands();
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const active = run !== null;
  useEffect(() => {
    if (!active) return;
    return registry.register(id, () => latest.current?.());
  }, [registry, id, active]);
}

/** Re-renders when commands become available or unavailable. */
export function useCommandAvailability(): (id: CommandId) => boolean {
  const { registry } = useCommands();
  useSyncExternalStore(registry.subscribe, registry.snapshot);
  return (id) => registry.available(id);
}
