// `npm run build`: renderer and Electron bundles into dist/, skipping what is up to date.
// `--force` rebuilds everything.
import { buildAll } from './lib/build';

const force = process.argv.includes('--force');
const report = await buildAll({ force, log: (line) => console.log(line) });
if (report.skipped.length > 0) console.log(`Up to date: ${report.skipped.join(', ')} (use --force to rebuild).`);
