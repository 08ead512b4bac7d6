// The portal's catalogs, one per language the product speaks (the same set as the console).
import type { Catalogs } from '../../../../shared/i18n/instance';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ptBR } from './pt-BR';

export const resources = { en, es, de, fr, 'pt-BR': ptBR, ar } satisfies Catalogs;
