// Ctrl+K: every command of the keymap, searchable, with its keys; unavailable ones are shown but
// cannot be run.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { COMMANDS, type CommandDef, type CommandId } from '../../../shared/keymap';
import { useSettings } from '../settings/useSettings';
import { Dialog } from '../ui/Dialog';
import { useCommandAvailability, useCommands } from './commands';
import { effectiveKeys } from './effectiveKeys';
import { KeyCombos } from './KeyCombo';
import './palette.css';

const LISTED = COMMANDS.filter((c: CommandDef) => c.palette !== false);

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { registry, isMac } = useCommands();
  const available = useCommandAvailability();
  const { settings } = useSettings();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return LISTED.filter((c) => {
      const label = t(c.labelKey).toLowerCase();
      return words.every((w) => label.includes(w) || c.id.toLowerCase().includes(w));
    });
  }, [query, t]);
  const current = Math.min(active, Math.max(0, matches.length - 1));

  const run = (id: CommandId) => {
    if (!available(id)) return;
    onClose();
    // After the palette has gone, so that focus lands where the command puts it.
    setTimeout(() => registry.run(id), 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + matches.length) % Math.max(1, matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = matches[current];
      if (chosen) run(chosen.id);
    }
  };

  return (
    <Dialog title={t('palette.title')} onClose={onClose} testId="command-palette" wide>
      <input
        className="palette__search"
        data-testid="palette-search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={matches[current] ? `${listId}-${matches[current].id}` : undefined}
        aria-label={t('palette.search')}
        placeholder={t('palette.search')}
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="palette__list" role="listbox" aria-label={t('palette.title')}>
        {matches.map((command, index) => {
          const enabled = available(command.id);
          return (
            <li
              key={command.id}
              id={`${listId}-${command.id}`}
              role="option"
              className="palette__item"
              data-testid="palette-item"
              data-command={command.id}
              aria-selected={index === current}
              aria-disabled={!enabled}
              onMouseEnter={() => setActive(index)}
              onClick={() => run(command.id)}
            >
              <span className="palette__label">
                {t(command.labelKey)}
                {enabled ? null : <span className="palette__unavailable">{t('palette.unavailable')}</span>}
              </span>
              <span className="palette__keys">
                <KeyCombos bindings={effectiveKeys(command.id, settings.sendKey)} isMac={isMac} />
              </span>
            </li>
          );
        })}
      </ul>
      {matches.length === 0 ? <p className="palette__empty">{t('palette.empty')}</p> : null}
    </Dialog>
  );
}
