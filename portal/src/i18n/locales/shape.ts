import type { en } from './en';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** The English tree's keys, all of them, plus whatever plural forms a language needs. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> } & { [plural: `${string}_${PluralSuffix}`]: string };

/** A translation of the portal: the compiler checks that it has every English key. */
export type Translation = Shape<typeof en>;
