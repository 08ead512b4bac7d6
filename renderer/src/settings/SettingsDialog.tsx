// The Settings dialog: a tab per registered section (sections.ts).
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { Dialog } from '../ui/Dialog';
import { SETTINGS_SECTIONS } from './sections';
import './settings.css';

export function SettingsDialog({ onClose, initialSection }: { onClose: () => void; initialSection?: string }) {
  const t = useT();
  const [current, setCurrent] = useState(() => SETTINGS_SECTIONS.find((s) => s.id === initialSection)?.id ?? SETTINGS_SECTIONS[0]!.id);
  const section = SETTINGS_SECTIONS.find((s) => s.id === current) ?? SETTINGS_SECTIONS[0]!;

  // Arrow keys move between tabs, as in any tab list.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = SETTINGS_SECTIONS[(index + step + SETTINGS_SECTIONS.length) % SETTINGS_SECTIONS.length]!;
    setCurrent(next.id);
    document.getElementById(`settings-tab-${next.id}`)?.focus();
  };

  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      testId="settings"
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      }
    >
      <div className="settings">
        <div className="settings__tabs" role="tablist" aria-orientation="vertical" aria-label={t('settings.title')}>
          {SETTINGS_SECTIONS.map((s, index) => (
            <button
              key={s.id}
              id={`settings-tab-${s.id}`}
              type="button"
              role="tab"
              className="settings__tab"
              data-testid={`settings-tab-${s.id}`}
              aria-selected={s.id === section.id}
              aria-controls="settings-panel"
              tabIndex={s.id === section.id ? 0 : -1}
              onClick={() => setCurrent(s.id)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {t(s.labelKey)}
            </button>
          ))}
        </div>
        <div id="settings-panel" className="settings__panel" role="tabpanel" aria-labelledby={`settings-tab-${section.id}`} data-testid={`settings-panel-${section.id}`}>
          <section.Component />
        </div>
      </div>
    </Dialog>
  );
}
