// `npm run security:scan` (run by .ci/run): Doyensec's Electronegativity, a static scanner for
// Electron security anti-patterns, over the Electron glue, the preload and the page. Fails on any
// HIGH finding and lists the rest for review. The scanner is fetched with npx (about 400
// packages), so it stays out of the project's dependencies and out of `npm test`.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runToCompletion } from './lib/processes';
import { fromRoot } from './lib/paths';

const SCANNER = '@doyensec/electronegativity@1.10.3';

const work = mkdtempSync(path.join(os.tmpdir(), 'desk-scan-'));
try {
  // The shipped sources only: tests feed the glue hostile input on purpose.
  const notTest = (file: string) => !file.endsWith('.test.ts');
  cpSync(fromRoot('main', 'electron'), path.join(work, 'main', 'electron'), { recursive: true, filter: notTest });
  cpSync(fromRoot('preload'), path.join(work, 'preload'), { recursive: true, filter: notTest });
  cpSync(fromRoot('renderer', 'index.html'), path.join(work, 'renderer', 'index.html'));
  const report = path.join(work, 'report.csv');
  await runToCompletion('npx', ['--yes', SCANNER, '-i', work, '-r', '-v', 'false', '-o', report], { cwd: work, env: process.env, stdio: ['ignore', 'ignore', 'inherit'] });
  const rows = readFileSync(report, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [check = '', severity = '', confidence = '', file = '', location = ''] = line.split(',');
      return { check, severity: severity.replace(/"/g, ''), confidence: confidence.replace(/"/g, ''), at: `${file.replace(/"/g, '')}:${location.replace(/"/g, '')}` };
    });
  for (const row of rows) console.log(`${row.severity.padEnd(13)} ${row.confidence.padEnd(10)} ${row.check.padEnd(28)} ${row.at}`);
  const high = rows.filter((row) => row.severity === 'HIGH');
  console.log(`Electronegativity: ${rows.length} findings, ${high.length} high.`);
  if (high.length > 0) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
