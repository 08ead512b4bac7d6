// Every locale of the desktop app, keyed by language. `npm run i18n:check` holds them to English.
import type { Messages } from '../../../../shared/i18n/catalog';
import type { Language } from '../../../../shared/i18n/languages';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ptBR } from './pt-BR';

export const resources: Record<Language, Messages> = { en, es, de, fr, 'pt-BR': ptBR, ar };
