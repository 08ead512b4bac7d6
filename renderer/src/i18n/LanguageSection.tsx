// Settings → Language: follow the OS, or pick one of the app's languages (each named in itself).
import { useId } from 'react';
import { LANGUAGE_CHOICES, languageName, pickLanguage, type LanguageChoice } from '../../../shared/i18n/languages';
import { useSettings } from '../settings/useSettings';
import { useLocale, useT } from './LocaleContext';

export function LanguageSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const { systemLocales } = useLocale();
  const ids = { select: useId(), hint: useId() };
  return (
    <div className="settings__group">
      <label className="settings__legend" htmlFor={ids.select}>
        {t('settings.language.label')}
      </label>
      <select
        id={ids.select}
        className="input settings__select"
        data-testid="setting-language"
        aria-describedby={ids.hint}
        value={settings.language}
        onChange={(event) => update({ language: event.target.value as LanguageChoice })}
      >
        {LANGUAGE_CHOICES.map((choice) =>
          choice === 'system' ? (
            <option key={choice} value={choice}>
              {t('settings.language.system', { language: languageName(pickLanguage(systemLocales)) })}
            </option>
          ) : (
            <option key={choice} value={choice} lang={choice}>
              {languageName(choice)}
            </option>
          ),
        )}
      </select>
      <p id={ids.hint} className="settings__hint">
        {t('settings.language.hint')}
      </p>
    </div>
  );
}
