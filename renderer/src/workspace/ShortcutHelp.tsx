import { useT } from '../i18n/LocaleContext';
import { COMMANDS } from '../../../shared/keymap';
import { useSettings } from '../settings/useSettings';
import { Dialog } from '../ui/Dialog';
import { useCommands } from './commands';
import { effectiveKeys } from './effectiveKeys';
import { KeyCombos } from './KeyCombo';
import './shortcut-help.css';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { isMac } = useCommands();
  const { settings } = useSettings();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      testId="shortcut-help"
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      }
    >
      <dl className="shortcut-list">
        {COMMANDS.map((command) => (
          <div key={command.id} className="shortcut-list__row" data-command={command.id}>
            <dt className="shortcut-list__name">{t(command.labelKey)}</dt>
            <dd className="shortcut-list__keys">
              <KeyCombos bindings={effectiveKeys(command.id, settings.sendKey)} isMac={isMac} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="shortcut-list__hint">{t('shortcuts.sendSetting')}</p>
    </Dialog>
  );
}
