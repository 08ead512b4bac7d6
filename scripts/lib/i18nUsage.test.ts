import { describe, expect, it } from 'vitest';
import { checkAll } from './i18nCheck';
import { scanKeyUsage, undefinedKeys, unusedKeys } from './i18nUsage';
import { ROOT } from './paths';

const code = `
const shortcuts = [{ id: 'next', labelKey: 'shortcuts.next' }];
export function Row({ view, kind }) {
  const { t } = useTranslation();
  return <div aria-label={t('inbox.title')}>{t(\`inbox.empty.\${view}\`)}{i18n.t('missing.key')}{t(\`\${kind}.title\`)}<Trans i18nKey="thread.label" /></div>;
}`;

describe('key usage', () => {
  const usage = scanKeyUsage([{ path: 'renderer/src/Row.tsx', text: code }]);
  const keys = ['shortcuts.next', 'shortcuts.previous', 'inbox.title', 'inbox.empty.mine', 'inbox.empty.all', 'thread.label', 'thread.title'];

  it('counts literals, dotted templates and i18nKey as uses', () => {
    // `${kind}.title` has no static head: it could be anything, so it proves no key is used.
    expect(unusedKeys(keys, usage)).toEqual(['shortcuts.previous', 'thread.title']);
  });

  it('reports keys the code asks for that no catalog has, with their place', () => {
    expect(undefinedKeys(keys, usage).map((call) => `${call.file}:${call.line} ${String(call.key)}`)).toEqual(['renderer/src/Row.tsx:5 missing.key']);
    expect(undefinedKeys(['inbox.title', 'missing.key', 'thread.label'], usage).map((call) => String(call.key))).toEqual(['/^inbox\\.empty\\..+$/']);
  });
});

describe('the repository', () => {
  it('passes the i18n check: complete locales, no unused or unknown keys', async () => {
    expect((await checkAll(ROOT)).problems).toEqual([]);
  });
});
