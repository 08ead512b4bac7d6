// `npm run i18n:check`: fails on a key missing from any locale, a plural form a language needs, a
// placeholder mismatch, an unused key, or a key the code uses that no catalog defines.
import { checkAll } from './lib/i18nCheck';
import { ROOT } from './lib/paths';

const { problems, notes } = await checkAll(ROOT);
for (const note of notes) console.log(`note: ${note}`);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`i18n check: ${problems.length} problem(s).`);
  process.exit(1);
}
console.log('i18n check: every locale complete, every key used.');
