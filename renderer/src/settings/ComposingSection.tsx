import { useT } from '../i18n/LocaleContext';
import { SEND_KEYS } from '../../../shared/settings';
import { useCommands } from '../workspace/commands';
import { useSettings } from './useSettings';

export function ComposingSection() {
  const t = useT();
  const { isMac } = useCommands();
  const { settings, update } = useSettings();
  return (
    <fieldset className="settings__group">
      <legend className="settings__legend">{t('settings.sendKey.label')}</legend>
      {SEND_KEYS.map((key) => (
        <label key={key} className="settings__choice">
          <input
            type="radio"
            name="sendKey"
            value={key}
            data-testid={`setting-sendKey-${key}`}
            checked={settings.sendKey === key}
            onChange={() => update({ sendKey: key })}
          />
          {t(`settings.sendKey.${key}`, { mod: isMac ? '⌘' : 'Ctrl' })}
        </label>
      ))}
    </fieldset>
  );
}
