import { defineConfig } from 'vitest/config';

// Three projects: `node` (shared, core, server; real processes and SQLite files), `renderer`
// (React components under jsdom) and `faults` (kill/restart/corruption scenarios, slower).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'server/**/*.test.ts', 'testing/**/*.test.ts', 'preload/**/*.test.ts', 'bench/**/*.test.ts', 'build/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.faults.test.ts', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}', 'portal/**/*.test.{ts,tsx}'],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'faults',
          environment: 'node',
          include: ['**/*.faults.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Fault tests start and kill whole processes; running them one file at a time keeps a
          // 2-core machine from turning timing into flakiness.
          fileParallelism: false,
        },
      },
    ],
  },
});
