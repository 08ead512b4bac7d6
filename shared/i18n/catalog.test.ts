import { describe, expect, it } from 'vitest';
import { baseKeys, checkCatalogs, placeholders, pluralCategories, untranslated } from './catalog';

const en = {
  inbox: { title: 'Inbox', unread_one: '{{count}} unread', unread_other: '{{count}} unread' },
  greet: 'Hello {{name}}',
};

describe('catalog rules', () => {
  it('accept complete locales with their own plural forms', () => {
    const de = { inbox: { title: 'Posteingang', unread_one: '{{count}} ungelesen', unread_other: '{{count}} ungelesen' }, greet: 'Hallo {{name}}' };
    const ar = {
      inbox: {
        title: 'الوارد',
        unread_zero: 'لا شيء',
        unread_one: 'واحدة',
        unread_two: 'اثنتان',
        unread_few: '{{count}} رسائل',
        unread_many: '{{count}} رسالة',
        unread_other: '{{count}} رسالة',
      },
      greet: 'مرحبًا {{name}}',
    };
    expect(checkCatalogs({ en, de, ar })).toEqual([]);
    expect(baseKeys(ar)).toEqual(new Set(['inbox.title', 'inbox.unread', 'greet']));
  });

  it('report missing and extra keys', () => {
    const de = { inbox: { unread_one: '{{count}}', unread_other: '{{count}}', subtitle: 'Neu' }, greet: 'Hallo {{name}}' };
    expect(checkCatalogs({ en, de }).map((p) => [p.kind, p.key])).toEqual([
      ['extra', 'inbox.subtitle'],
      ['missing', 'inbox.title'],
    ]);
  });

  it('report plural forms the language needs or does not use', () => {
    const fr = { inbox: { title: 'Boîte', unread_one: '{{count}}', unread_other: '{{count}}' }, greet: 'Salut {{name}}' };
    const ar = { inbox: { title: 'الوارد', unread_one: 'واحدة', unread_other: '{{count}}' }, greet: '{{name}}' };
    const de = { inbox: { title: 'Posteingang', unread_one: '{{count}}', unread_few: '{{count}}', unread_other: '{{count}}' }, greet: '{{name}}' };
    const problems = checkCatalogs({ en, fr, ar, de }).map((p) => `${p.language} ${p.key}: ${p.detail}`);
    expect(problems).toEqual([
      'fr inbox.unread: needs forms _many',
      'ar inbox.unread: needs forms _few, _many, _two, _zero',
      'de inbox.unread: has forms de does not use: _few',
    ]);
  });

  it('report placeholder mismatches, and a count-less _other', () => {
    const de = { inbox: { title: 'Posteingang', unread_one: 'eine', unread_other: 'viele' }, greet: 'Hallo {{nmae}}' };
    expect(checkCatalogs({ en, de }).map((p) => `${p.key}: ${p.detail}`)).toEqual([
      'inbox.unread_other: must show {{count}}',
      'greet: uses {nmae}, en uses {name}',
    ]);
  });

  it('hold a count in a key without plural forms to the same placeholder rule', () => {
    const ref = { tray: '{{count}} unread' };
    expect(checkCatalogs({ en: ref, de: { tray: '{{count}} ungelesen' } })).toEqual([]);
    expect(checkCatalogs({ en: ref, de: { tray: 'ungelesen' } }).map((p) => p.detail)).toEqual(['uses {none}, en uses {count}']);
  });

  it('report empty strings', () => {
    const de = { inbox: { title: ' ', unread_one: '{{count}}', unread_other: '{{count}}' }, greet: '{{name}}' };
    expect(checkCatalogs({ en, de }).map((p) => [p.kind, p.key])).toEqual([['empty', 'inbox.title']]);
  });

  it('finds placeholders with formats', () => {
    expect(placeholders('{{count}} of {{ total, number }}')).toEqual(new Set(['count', 'total']));
  });

  it('knows each language’s plural categories', () => {
    expect(pluralCategories('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(pluralCategories('de').sort()).toEqual(['one', 'other']);
  });

  it('lists text left in English in every language', () => {
    const de = { inbox: { title: 'Inbox' }, greet: 'Hallo {{name}}' };
    expect(untranslated({ en, de, fr: { inbox: { title: 'Inbox' }, greet: 'Hello {{name}}' } })).toEqual(['inbox.title']);
  });
});
