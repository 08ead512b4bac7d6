import { act, render, screen, waitFor } from '@testing-library/react';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { LanguageChoice } from '../../../shared/i18n/languages';
import { createI18n } from './i18n';
import { LocaleProvider, useLocale, useT } from './LocaleContext';

describe('useT', () => {
  it('hands every component the one translate function of the language, and a switch reaches memoized ones', async () => {
    const setup = await createI18n('en', ['en-GB']);
    const fixed = vi.spyOn(setup.i18n, 'getFixedT');
    const subscribed = vi.spyOn(setup.i18n, 'on');
    const seen = new Set<TFunction>();
    const Label = memo(function Label() {
      const t = useT();
      seen.add(t);
      return <li>{t('inbox.title')}</li>;
    });
    let choose: (choice: LanguageChoice) => void = () => undefined;
    function Chooser() {
      choose = useLocale().choose;
      return null;
    }
    render(
      <LocaleProvider setup={setup} systemLocales={['en-GB']}>
        <Chooser />
        <ul>
          {Array.from({ length: 20 }, (_, i) => (
            <Label key={i} />
          ))}
        </ul>
      </LocaleProvider>,
    );
    expect(screen.getAllByText('Inbox')).toHaveLength(20);
    // Nothing per component: no translate function of its own, no subscription to the instance.
    expect(seen.size).toBe(1);
    expect(fixed).toHaveBeenCalledTimes(1);
    expect(subscribed).not.toHaveBeenCalled();

    act(() => choose('de'));
    await waitFor(() => expect(screen.getAllByText('Posteingang')).toHaveLength(20));
    expect(seen.size).toBe(2);
    expect(fixed).toHaveBeenCalledTimes(2);
  });

  it('says what is missing without a provider', () => {
    function Lonely() {
      useT();
      return null;
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Lonely />)).toThrow(/LocaleProvider/);
  });
});
