// The right-click menu in text fields: spelling suggestions for a misspelled word (the composer
// is spell-checked), "add to dictionary", and the standard edit roles.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import type { Labels } from './menu';

/** The part of WebContents the spelling actions use. */
export interface SpellingTarget {
  replaceMisspelling(text: string): void;
  session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

const MAX_SUGGESTIONS = 5;

export function spellingMenu(
  params: Pick<ContextMenuParams, 'isEditable' | 'misspelledWord' | 'dictionarySuggestions'>,
  labels: Labels,
  target: SpellingTarget,
): MenuItemConstructorOptions[] {
  if (!params.isEditable) return [];
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)) {
      items.push({ label: suggestion, click: () => target.replaceMisspelling(suggestion) });
    }
    const word = params.misspelledWord;
    items.push(
      { label: labels['menu.addToDictionary'] ?? 'Add to dictionary', click: () => target.session.addWordToSpellCheckerDictionary(word) },
      { type: 'separator' },
    );
  }
  items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' });
  return items;
}
