// The backend and host mode as built programs, for the e2e suite: bundled before the run
// (scripts/lib/bundle.ts, rebuilt only when a source changed) and started with plain `node`, as the
// app's own build runs them. From the sources, every start first compiles hundreds of TypeScript
// modules (about 2.8 s of CPU for the backend against 0.9 s bundled, and the host also bundles its
// writer thread each time); on a loaded 2-core machine that was 8 to 17 s per start, and the tests
// that start, stop and restart several processes ran out of time before their last step.
import path from 'node:path';
import { bundle, bundleFile } from '../scripts/lib/bundle';
import { ROOT } from './lifecycle';

/** Builds the bundles that are stale; once, before any test starts a process. */
export async function buildPrograms(): Promise<void> {
  await Promise.all([bundle('backend'), bundle('host')]);
}

/** `startBackend` options for the built backend; it serves the built portal like the source one. */
export const builtBackend = { script: bundleFile('backend'), portalDir: path.join(ROOT, 'dist', 'portal') } as const;

/** `startHost` options for the built host mode (its writer thread is bundled beside it). */
export const builtHost = { script: bundleFile('host') } as const;
