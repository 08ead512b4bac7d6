import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
// @ts-expect-error -- a plain ES module (ESLint loads it without compiling); typed by its JSDoc.
import { noLiteralUiText } from './no-literal-ui-text.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-literal-ui-text', noLiteralUiText, {
  valid: [
    { code: `const a = <p>{t('inbox.title')}</p>;` },
    { code: `const a = <input placeholder={t('composer.placeholder')} aria-label={t('composer.label', { name })} />;` },
    { code: `const a = <span>{count} · {'—'} {'→'} 42%</span>;` },
    { code: `const a = <div className="inbox-row" data-testid="inbox-row" role="option" aria-selected="true" />;` },
    { code: `const a = <div title={format.fullDate(at)}>{name}</div>;` },
    { code: `const label = 'not in JSX'; const a = <b>{label}</b>;` },
  ],
  invalid: [
    { code: `const a = <p>Hello agent</p>;`, errors: [{ messageId: 'text' }] },
    { code: `const a = <p>{'Loading'}</p>;`, errors: [{ messageId: 'text' }] },
    { code: `const a = <p>{busy ? 'Saving…' : t('save')}</p>;`, errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>{`${n} unread`}</p>;', errors: [{ messageId: 'text' }] },
    { code: `const a = <button aria-label="Close" />;`, errors: [{ messageId: 'attribute' }] },
    { code: `const a = <img alt={'Avatar'} title="Profile" />;`, errors: [{ messageId: 'attribute' }, { messageId: 'attribute' }] },
    { code: `const a = <input placeholder={hint || 'Search'} />;`, errors: [{ messageId: 'attribute' }] },
    { code: `const a = <span>مرحبا</span>;`, errors: [{ messageId: 'text' }] },
  ],
});
