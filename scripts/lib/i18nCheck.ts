// `npm run i18n:check`: every UI bundle's catalogs against English (keys, plural forms,
// placeholders) and against its code (no unused keys, no key the code asks for and no catalog has).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseKeys, checkCatalogs, type Messages, untranslated } from '../../shared/i18n/catalog';
import { LANGUAGES } from '../../shared/i18n/languages';
import { REASON_CODES } from '../../shared/reasons';
import { SYSTEM_EVENT_CODES } from '../../shared/systemEvents';
import { scanKeyUsage, undefinedKeys, unusedKeys } from './i18nUsage';

export interface CatalogSet {
  name: string;
  /** Module exporting `resources`: language → catalog. */
  catalogs: string;
  /** Folders whose code uses the keys. */
  sources: string[];
  /** Keys the code builds from a typed list, so each must exist (e.g. one per reason code). */
  required?: string[];
}

/** Every bundle with its own catalogs. Paths relative to the repository root. */
export const CATALOG_SETS: CatalogSet[] = [
  {
    name: 'desktop',
    catalogs: 'renderer/src/i18n/locales/index.ts',
    sources: ['renderer/src', 'shared'],
    required: [...REASON_CODES.map((code) => `reasons.${code}`), ...SYSTEM_EVENT_CODES.map((code) => `systemEvents.${code}`)],
  },
  { name: 'portal', catalogs: 'portal/src/i18n/locales/index.ts', sources: ['portal/src'] },
];

export interface CheckReport {
  problems: string[];
  /** Worth a look, not a failure: text identical to English in every language. */
  notes: string[];
}

const isSource = (file: string) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts');

async function sourceFiles(root: string, folder: string, skip: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isSource(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(skip));
  return Promise.all(files.map(async (file) => ({ path: path.relative(root, file), text: await readFile(file, 'utf8') })));
}

export async function checkCatalogSet(root: string, set: CatalogSet): Promise<CheckReport> {
  const catalogFile = path.join(root, set.catalogs);
  // Loaded by path: the catalogs are data for this check, not a dependency of the scripts.
  const { resources } = (await import(pathToFileURL(catalogFile).href)) as { resources: Record<string, Messages> };
  const problems: string[] = [];
  const at = (text: string) => problems.push(`${set.name}: ${text}`);

  for (const language of LANGUAGES) if (!resources[language]) at(`no ${language} catalog`);
  for (const problem of checkCatalogs(resources)) at(`${problem.language} ${problem.key}: ${problem.detail}`);

  const english = resources.en ? baseKeys(resources.en) : new Set<string>();
  const files = (await Promise.all(set.sources.map((folder) => sourceFiles(root, folder, path.dirname(catalogFile))))).flat();
  const usage = scanKeyUsage(files);
  for (const key of set.required ?? []) if (!english.has(key)) at(`${key}: required (a code in a typed list has no text) but in no catalog`);
  for (const key of unusedKeys(english, usage)) at(`${key}: unused (no code refers to it; remove it from every locale)`);
  for (const call of undefinedKeys(english, usage)) at(`${call.file}:${call.line}: ${String(call.key)} is in no catalog`);

  const notes = untranslated(resources).map((key) => `${set.name}: ${key}: same text as English in every language`);
  return { problems, notes };
}

export async function checkAll(root: string, sets = CATALOG_SETS): Promise<CheckReport> {
  const reports = await Promise.all(sets.map((set) => checkCatalogSet(root, set)));
  return { problems: reports.flatMap((r) => r.problems), notes: reports.flatMap((r) => r.notes) };
}
