import type { DeskApi } from '../../../shared/ipc/contract';
import { resolveChoice, type Language } from '../../../shared/i18n/languages';

export interface StartLanguage {
  language: Language;
  /** The OS's preferred languages: from the core where it can ask the OS, else the browser's. */
  systemLocales: string[];
}

/**
 * The language the first screen appears in: the one saved in Settings, else the OS's. Asked of the
 * core before anything renders so the app never flashes English first; a core that does not answer
 * in time (or at all) leaves the browser's languages.
 */
export async function startLanguage(api: DeskApi | null, browserLocales: readonly string[], timeoutMs = 3000): Promise<StartLanguage> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const answers = api ? await Promise.race([Promise.all([api['app.info']({}), api['settings.get']({})]), timeout]) : null;
  const info = answers?.[0].ok ? answers[0].value : null;
  const settings = answers?.[1].ok ? answers[1].value : null;
  const systemLocales = info && info.systemLocales.length > 0 ? info.systemLocales : [...browserLocales];
  return { language: resolveChoice(settings?.language ?? 'system', systemLocales), systemLocales };
}
