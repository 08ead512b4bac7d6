// Everything a benchmark run starts as a process is bundled with esbuild the way the app's main
// process is (everything but native modules inlined) and run with plain `node`: the children (cold
// start, memory, webhook load), the core's writer thread beside them, the backend (server/main.ts)
// and host mode (main/host/main.ts); the e2e suite runs the backend and host mode the same way
// (testing/builtPrograms.ts). Their start-up time and memory are then those of a built program,
// not of a TypeScript loader compiling hundreds of modules at every start.
//
// A bundle is rebuilt only when it is stale: each build records the files that went into it (from
// esbuild's metafile) and when it started; the bundle is reused while none of those files changed
// since and the build options are the same.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { BUILT_WRITER_ENTRY } from '../../main/core/writer/batchWriter';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Two levels under the repository, like `main/host/main.ts`, which finds the project's
 * package.json two folders up from itself; under the repository so that node_modules resolves.
 * Git-ignored.
 */
export const BUNDLE_DIR = path.join(ROOT, 'bench', '.build');
const RUNTIME_EXTERNALS = ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate', 'esbuild'];

export type BundleName = 'coldStart' | 'memory' | 'webhookLoad' | 'writer' | 'backend' | 'host';

const ESM: BuildOptions = {
  format: 'esm',
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
};

/** Entry (from the repository root), output file name and format of each bundle. */
const RECIPES: Record<BundleName, { entry: string; outfile: string; options: BuildOptions }> = {
  coldStart: { entry: 'bench/children/coldStart.ts', outfile: 'coldStart.mjs', options: ESM },
  memory: { entry: 'bench/children/memory.ts', outfile: 'memory.mjs', options: ESM },
  webhookLoad: { entry: 'bench/children/webhookLoad.ts', outfile: 'webhookLoad.mjs', options: ESM },
  // The core's writer thread, beside the programs that run a core, as the app's build puts it
  // beside main.
  writer: { entry: 'main/core/writer/worker.ts', outfile: BUILT_WRITER_ENTRY, options: { format: 'cjs' } },
  backend: { entry: 'server/main.ts', outfile: 'backend.mjs', options: ESM },
  host: { entry: 'main/host/main.ts', outfile: 'host.mjs', options: ESM },
};

/** What a build of a bundle recorded, kept beside it. */
export interface BundleRecord {
  /** The build options, as text: other options make another bundle. */
  recipe: string;
  /** Epoch ms when the build started: files changed after it are not in the bundle. */
  startedAt: number;
  /** Absolute paths of every file that went into the bundle. */
  inputs: string[];
}

/** Whether a bundle built as `record` says is still what building it now would give. */
export function bundleIsFresh(record: BundleRecord | null, recipe: string, outputExists: boolean, mtimeOf: (file: string) => number | null): boolean {
  if (!record || !outputExists || record.recipe !== recipe || record.inputs.length === 0) return false;
  return record.inputs.every((file) => {
    const mtime = mtimeOf(file);
    return mtime !== null && mtime < record.startedAt;
  });
}

const mtimeOf = (file: string): number | null => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
};

function readRecord(file: string): BundleRecord | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BundleRecord;
  } catch {
    return null;
  }
}

/** Where the bundle is (built or not). */
export const bundleFile = (name: BundleName): string => path.join(BUNDLE_DIR, RECIPES[name].outfile);

async function buildBundle(name: BundleName): Promise<{ file: string; built: boolean }> {
  const { entry, options } = RECIPES[name];
  const file = bundleFile(name);
  const recordFile = `${file}.inputs.json`;
  const buildOptions: BuildOptions = {
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: RUNTIME_EXTERNALS,
    logLevel: 'warning',
    ...options,
  };
  const recipe = JSON.stringify(buildOptions);
  if (bundleIsFresh(readRecord(recordFile), recipe, fs.existsSync(file), mtimeOf)) return { file, built: false };
  const startedAt = Date.now();
  const result = await build({ ...buildOptions, metafile: true });
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(ROOT, input));
  const record: BundleRecord = { recipe, startedAt, inputs };
  fs.writeFileSync(recordFile, JSON.stringify(record));
  return { file, built: true };
}

const bundles = new Map<BundleName, Promise<{ file: string; built: boolean }>>();

function ensure(name: BundleName): Promise<{ file: string; built: boolean }> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = buildBundle(name);
    bundles.set(name, bundle);
  }
  return bundle;
}

/** The bundle's path, built first if it is stale (once per run). Programs that run a core get the writer beside them. */
export async function bundle(name: BundleName): Promise<string> {
  const [{ file }] = await Promise.all([ensure(name), name === 'webhookLoad' || name === 'backend' ? null : ensure('writer')]);
  return file;
}

/** Brings every bundle up to date at once; answers which ones had to be built. */
export async function bundleAll(): Promise<BundleName[]> {
  const names = Object.keys(RECIPES) as BundleName[];
  const results = await Promise.all(names.map(ensure));
  return names.filter((_, i) => results[i]?.built);
}
