// The build steps behind `npm run build` and `npm start`: the renderer and the customer portal
// through Vite, and the Electron main process and preload through esbuild. Each is skipped when
// its outputs are newer than its sources.
import { build as esbuild } from 'esbuild';
import type { InlineConfig } from 'vite';
import { isSourceFile, newestMtime, oldestMtime } from './freshness';
import { BUILT_WRITER_ENTRY } from '../../main/core/writer/batchWriter';
import { ROOT, fromRoot } from './paths';

interface Step {
  name: string;
  sources: string[];
  outputs: string[];
  run(): Promise<void>;
}

/**
 * Node's native modules and Electron itself are loaded at run time, never bundled; so is the
 * updater, a production dependency that is only loaded when an update feed is configured.
 */
const RUNTIME_EXTERNALS = ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate', 'electron-updater'];

/** Vite, loaded only when something is built with it: loading it costs about a second of CPU. */
async function viteBuild(config: InlineConfig): Promise<void> {
  const { build } = await import('vite');
  await build(config);
}

const steps: Step[] = [
  {
    name: 'renderer',
    sources: [fromRoot('renderer'), fromRoot('shared'), fromRoot('package-lock.json')],
    outputs: [fromRoot('dist', 'renderer', 'index.html')],
    async run() {
      await viteBuild({ configFile: fromRoot('renderer', 'vite.config.ts'), logLevel: 'warn' });
    },
  },
  {
    name: 'portal',
    sources: [fromRoot('portal'), fromRoot('shared'), fromRoot('package-lock.json')],
    outputs: [fromRoot('dist', 'portal', 'index.html')],
    async run() {
      await viteBuild({ configFile: fromRoot('portal', 'vite.config.ts'), logLevel: 'warn' });
    },
  },
  {
    name: 'electron',
    sources: [fromRoot('main'), fromRoot('preload'), fromRoot('shared'), fromRoot('package-lock.json')],
    outputs: [fromRoot('dist', 'electron', 'main.cjs'), fromRoot('dist', 'electron', 'preload.cjs'), fromRoot('dist', 'electron', BUILT_WRITER_ENTRY)],
    async run() {
      // The main process and the cache's writer thread (main/core/writer), which the core finds
      // beside the main bundle.
      await esbuild({
        absWorkingDir: ROOT,
        entryPoints: { main: fromRoot('main', 'electron', 'main.ts'), [BUILT_WRITER_ENTRY.replace(/\.cjs$/, '')]: fromRoot('main', 'core', 'writer', 'worker.ts') },
        outdir: fromRoot('dist', 'electron'),
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        external: RUNTIME_EXTERNALS,
        // A CommonJS bundle has no import.meta; the core uses its URL to find files beside it.
        define: { 'import.meta.url': '__bundleUrl' },
        banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
        sourcemap: 'linked',
        logLevel: 'warning',
      });
      // Sandboxed preloads run without Node: platform 'browser' makes a stray Node import a
      // build error instead of a runtime failure in the window.
      await esbuild({
        absWorkingDir: ROOT,
        entryPoints: [fromRoot('preload', 'index.ts')],
        outfile: fromRoot('dist', 'electron', 'preload.cjs'),
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        target: 'chrome130',
        // The contract pulls in its zod schemas; minified, the preload parses faster at window start.
        minify: true,
        external: ['electron'],
        sourcemap: 'linked',
        logLevel: 'warning',
      });
    },
  },
];

export interface BuildReport {
  built: string[];
  skipped: string[];
}

/** `only`: the names of the steps to consider (default all), e.g. ['renderer']. */
export async function buildAll(options: { force: boolean; log: (line: string) => void; only?: string[] }): Promise<BuildReport> {
  const report: BuildReport = { built: [], skipped: [] };
  for (const step of steps) {
    if (options.only && !options.only.includes(step.name)) continue;
    if (!options.force && oldestMtime(step.outputs) > newestMtime(step.sources, isSourceFile)) {
      report.skipped.push(step.name);
      continue;
    }
    const started = Date.now();
    await step.run();
    options.log(`Built ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    report.built.push(step.name);
  }
  return report;
}
