// Child: one cold start of the core from an existing cache, with a stored session and the backend
// unreachable (the real socket.io transport, pointed at a closed port). Measures createCore →
// start() → the first inbox page, as the app does when its window asks for the inbox.
import { performance } from 'node:perf_hooks';
import { benchCore, call, recordingLogger } from '../lib/core';
import { childInput, childResult } from '../lib/childIO';

// Static imports are evaluated before this line: node start-up plus loading the bundled core.
const loadedMs = performance.now();
const input = childInput<{ dataDir: string; serverUrl: string }>();
const log = recordingLogger();
const t0 = performance.now();
const core = benchCore(input.dataDir, input.serverUrl, log);
await core.start();
const tStart = performance.now();
const page = await call(core.handlers, 'inbox.list', { view: 'mine', limit: 50 });
const tList = performance.now();
await call(core.handlers, 'inbox.counts', {});
const tCounts = performance.now();
await core.stop();
childResult({
  loadedMs,
  startMs: tStart - t0,
  firstPageMs: tList - t0,
  withCountsMs: tCounts - t0,
  processMs: tList,
  rows: page.rows.length,
  problems: log.problems.filter((p) => !p.startsWith('Connection attempt failed')),
});
