// The languages the product speaks, and how an agent's (or customer's) preferred locales map onto
// them. Used by the desktop renderer and the customer portal alike.

export const LANGUAGES = ['en', 'es', 'de', 'fr', 'pt-BR', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Direction = 'ltr' | 'rtl';

/** What an agent can pick in Settings: a language, or whatever the OS prefers. */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

const RTL: ReadonlySet<Language> = new Set<Language>(['ar']);

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

const baseOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The supported language for one BCP 47 tag: an exact match first ("pt-BR"), else by base language
 * ("de-AT" → de, "pt-PT" → pt-BR, the only Portuguese we have). Null when nothing fits.
 */
export function matchLanguage(tag: string): Language | null {
  const exact = LANGUAGES.find((language) => language.toLowerCase() === tag.toLowerCase().replace('_', '-'));
  if (exact) return exact;
  const base = baseOf(tag);
  return LANGUAGES.find((language) => baseOf(language) === base) ?? null;
}

/** The first preferred locale we support, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = matchLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

/**
 * The BCP 47 tag dates and numbers are formatted with: the agent's own regional tag when it is the
 * same language ("en-GB" writes "15 Mar", "en-US" "Mar 15"), else the language itself.
 */
export function formatLocaleFor(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => matchLanguage(tag) === language && baseOf(tag) === baseOf(language)) ?? language;
}

/** The language a choice stands for on a system whose preferred locales are `system`. */
export const resolveChoice = (choice: LanguageChoice, system: readonly string[]): Language => (choice === 'system' ? pickLanguage(system) : choice);

export const directionOf = (language: Language): Direction => (RTL.has(language) ? 'rtl' : 'ltr');

/** A language's name in itself ("Deutsch", "العربية"), as a language picker shows it. */
export function languageName(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
