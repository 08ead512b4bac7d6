// Translation catalogs and the rules every locale must keep against the reference (English): the
// same keys, every plural form the language needs, the same {{placeholders}}. Pure, so the
// `i18n:check` script and unit tests apply the same rules to the desktop and the portal catalogs.

/** A translation tree: nested objects of strings (plural forms as `formKeyone`, `formKeyother`, …). */
export interface Messages {
  [key: string]: string | Messages;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** Every string by its dotted path, plural forms as separate entries. */
export function flatten(messages: Messages, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

/** A key without its plural suffix, as code passes it to `t()`. */
export const baseKey = (key: string) => key.replace(PLURAL, '');

/** Flattened keys with plural suffixes folded, so locales with different plural forms compare. */
export const baseKeys = (messages: Messages): Set<string> => new Set([...flatten(messages).keys()].map(baseKey));

/** `{{name}}` and `{{name, format}}` placeholders in a string. */
export function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? ''));
}

/** The plural categories a language's grammar distinguishes (CLDR, through Intl). */
export const pluralCategories = (language: string): PluralCategory[] =>
  new Intl.PluralRules(language).resolvedOptions().pluralCategories as PluralCategory[];

export interface CatalogProblem {
  kind: 'missing' | 'extra' | 'plural' | 'placeholder' | 'empty';
  language: string;
  key: string;
  detail: string;
}

interface Entry {
  /** Plural category → text; a plain string is stored under null. */
  forms: Map<PluralCategory | null, string>;
}

function entries(messages: Messages): Map<string, Entry> {
  const byBase = new Map<string, Entry>();
  for (const [key, text] of flatten(messages)) {
    const category = (PLURAL.exec(key)?.[1] ?? null) as PluralCategory | null;
    const base = baseKey(key);
    const entry = byBase.get(base) ?? { forms: new Map() };
    entry.forms.set(category, text);
    byBase.set(base, entry);
  }
  return byBase;
}

const isPlural = (entry: Entry) => [...entry.forms.keys()].some((category) => category !== null);
const union = (texts: Iterable<string>) => new Set([...texts].flatMap((text) => [...placeholders(text)]));
const sorted = (names: Iterable<string>) => [...names].sort().join(', ') || 'none';

/**
 * Everything wrong with the catalogs against the reference language. A key plural in the reference
 * must carry every form the locale's grammar has (`_zero` may be added anywhere: i18next uses it for
 * a count of 0); placeholders other than `count` must match, and `count` must appear in `_other`.
 */
export function checkCatalogs(catalogs: Record<string, Messages>, reference = 'en'): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const referenceCatalog = catalogs[reference];
  if (!referenceCatalog) return [{ kind: 'missing', language: reference, key: '*', detail: 'the reference catalog is missing' }];
  const expected = entries(referenceCatalog);

  for (const [language, messages] of Object.entries(catalogs)) {
    const actual = entries(messages);
    const report = (kind: CatalogProblem['kind'], key: string, detail: string) => problems.push({ kind, language, key, detail });

    for (const [key, entry] of actual) {
      if (!expected.has(key)) report('extra', key, `not in ${reference}`);
      for (const [category, text] of entry.forms) if (text.trim() === '') report('empty', category ? `${key}_${category}` : key, 'empty text');
    }
    for (const [key, want] of expected) {
      const have = actual.get(key);
      if (!have) {
        report('missing', key, `missing (${reference}: "${[...want.forms.values()][0]}")`);
        continue;
      }
      const categories = pluralCategories(language);
      if (isPlural(want) || isPlural(have)) {
        const missing = categories.filter((category) => !have.forms.has(category));
        const unknown = [...have.forms.keys()].filter((category) => category === null || (category !== 'zero' && !categories.includes(category)));
        if (missing.length > 0) report('plural', key, `needs forms ${missing.map((c) => `_${c}`).join(', ')}`);
        if (unknown.length > 0) report('plural', key, `has forms ${language} does not use: ${unknown.map((c) => (c ? `_${c}` : '(plain)')).join(', ')}`);
      }
      const wanted = union(want.forms.values());
      const counted = isPlural(want) && wanted.delete('count');
      for (const [category, text] of have.forms) {
        const formKey = category ? `${key}_${category}` : key;
        const got = placeholders(text);
        if (counted && category === 'other' && !got.has('count')) report('placeholder', formKey, 'must show {{count}}');
        // A plural form may leave the count to its words ("one message"); elsewhere it is a placeholder like any other.
        if (counted || isPlural(have)) got.delete('count');
        if (sorted(got) !== sorted(wanted)) report('placeholder', formKey, `uses {${sorted(got)}}, ${reference} uses {${sorted(wanted)}}`);
      }
    }
  }
  return problems;
}

/**
 * Keys whose text is the reference's word for word in every other language: usually a string added
 * in English and copied, not translated. (A word that is the same in one language is often right.)
 */
export function untranslated(catalogs: Record<string, Messages>, reference = 'en'): string[] {
  const referenceCatalog = catalogs[reference];
  if (!referenceCatalog) return [];
  const others = Object.entries(catalogs)
    .filter(([language]) => language !== reference)
    .map(([, messages]) => flatten(messages));
  return [...flatten(referenceCatalog)]
    .filter(([key, text]) => /\p{L}{3}/u.test(text) && others.length > 0 && others.every((catalog) => catalog.get(key) === text))
    .map(([key]) => key);
}
