import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS, type Settings } from '../../../shared/settings';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { LanguageFromSettings } from './LanguageFromSettings';
import { LanguageSection } from './LanguageSection';
import { useFormat, useT } from './LocaleContext';

const now = Date.now();

function Probe() {
  const t = useT();
  const format = useFormat();
  return (
    <p data-testid="probe">
      {t('inbox.title')} | {t('inbox.unread', { count: 2 })} | {format.relative(now - 5 * 60_000, now)}
    </p>
  );
}

describe('choosing the language in Settings', () => {
  it('switches text, plurals, formats and direction at once, and stores the choice', async () => {
    let stored: Settings = { ...SETTINGS_DEFAULTS };
    const desk = fakeDesk({
      'settings.get': async () => stored,
      'settings.update': async (patch) => (stored = { ...stored, ...patch }),
    });
    await renderWithDesk(
      <>
        <LanguageFromSettings />
        <LanguageSection />
        <Probe />
      </>,
      desk,
    );
    const probe = () => screen.getByTestId('probe').textContent;
    expect(probe()).toBe('Inbox | 2 unread messages | 5 min ago');
    const select = screen.getByLabelText('Language of the app');
    expect(screen.getByRole('option', { name: 'System language (English)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Deutsch' })).toBeTruthy();

    fireEvent.change(select, { target: { value: 'de' } });
    await waitFor(() => expect(probe()).toBe('Posteingang | 2 ungelesene Nachrichten | vor 5 Min.'));
    expect(stored.language).toBe('de');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['de', 'ltr']);

    fireEvent.change(select, { target: { value: 'ar' } });
    await waitFor(() => expect(probe()).toBe('صندوق الوارد | رسالتان غير مقروءتين | قبل 5 دقائق'));
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);

    fireEvent.change(select, { target: { value: 'system' } });
    await waitFor(() => expect(probe()).toBe('Inbox | 2 unread messages | 5 min ago'));
    expect(stored.language).toBe('system');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('applies a language saved earlier as soon as the core answers', async () => {
    const desk = fakeDesk({ 'settings.get': async () => ({ ...SETTINGS_DEFAULTS, language: 'fr' }) });
    await renderWithDesk(
      <>
        <LanguageFromSettings />
        <Probe />
      </>,
      desk,
    );
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('Boîte de réception | 2 messages non lus | il y a 5\u00a0min'));
  });
});
