// The agent's language and formatting locale, changeable while the app runs: a switch re-renders
// every translated string and formatted date in place (no reload) and flips the document's
// direction for Arabic.
import type { TFunction } from 'i18next';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { formatterFor, type Formatter } from '../../../shared/i18n/format';
import { formatLocaleFor, resolveChoice, type Language, type LanguageChoice } from '../../../shared/i18n/languages';
import { applyDocumentLanguage, type LocaleSetup } from './i18n';

export interface LocaleState {
  language: Language;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
  /** The OS's preferred languages: what the 'system' choice follows. */
  systemLocales: readonly string[];
  choose(choice: LanguageChoice): void;
}

const LocaleContext = createContext<LocaleState | null>(null);
const TranslateContext = createContext<TFunction | null>(null);

export function LocaleProvider({ setup, systemLocales, children }: { setup: LocaleSetup; systemLocales: readonly string[]; children: ReactNode }) {
  const [current, setCurrent] = useState({ language: setup.language, locale: setup.locale });
  const { i18n } = setup;
  const choose = useCallback(
    (choice: LanguageChoice) => {
      const language = resolveChoice(choice, systemLocales);
      if (i18n.language === language) return;
      void i18n.changeLanguage(language).then(() => {
        applyDocumentLanguage(document, language);
        setCurrent({ language, locale: formatLocaleFor(language, systemLocales) });
      });
    },
    [i18n, systemLocales],
  );
  const value = useMemo(() => ({ ...current, systemLocales, choose }), [current, systemLocales, choose]);
  // One translate function per language for the whole tree; a switch hands every component a new
  // one, so each renders its strings again.
  const t = useMemo(() => i18n.getFixedT(current.language), [i18n, current.language]);
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={value}>
        <TranslateContext.Provider value={t}>{children}</TranslateContext.Provider>
      </LocaleContext.Provider>
    </I18nextProvider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale needs a LocaleProvider above it.');
  return state;
}

/**
 * The agent's language's translate function. Used instead of react-i18next's `useTranslation`,
 * which on every render merges its options, checks the namespaces and takes a snapshot of the
 * instance, and on every mount copies the instance and subscribes to its events: work paid by
 * each component that renders for a new message, with nothing to show for it in an app whose
 * catalogs are all loaded before the first render.
 */
export function useT(): TFunction {
  const t = useContext(TranslateContext);
  if (!t) throw new Error('useT needs a LocaleProvider above it.');
  return t;
}

/** Dates, times, numbers and durations in the agent's locale. */
export function useFormat(): Formatter {
  return formatterFor(useLocale().locale);
}
