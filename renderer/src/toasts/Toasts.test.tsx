import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeskError, toIpcError } from '../../../shared/ipc/result';
import { reason } from '../../../shared/reasons';
import { DeskCallError } from '../api/call';
import { useLocale, type LocaleState } from '../i18n/LocaleContext';
import { de } from '../i18n/locales/de';
import { fr } from '../i18n/locales/fr';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { useToasts } from './ToastContext';
import { Toasts } from './Toasts';

/** Toasts with handles to raise one and to switch language, as the app does. */
function Harness({ expose }: { expose: (api: { show: ReturnType<typeof useToasts>['show']; locale: LocaleState }) => void }) {
  expose({ show: useToasts().show, locale: useLocale() });
  return <Toasts />;
}

describe('toasts', () => {
  it('follow a language switch made while they are up: notices, failed actions and error codes', async () => {
    let handles!: { show: ReturnType<typeof useToasts>['show']; locale: LocaleState };
    await renderWithDesk(<Harness expose={(h) => (handles = h)} />, fakeDesk({}), 'de');
    const refused = new DeskCallError(toIpcError(new DeskError('rejected', 'Bea already accepted this conversation.', reason('alreadyAccepted', { agent: 'Bea' }))));
    act(() => {
      handles.show({ message: { notice: { kind: 'changeRefused', message: 'English, for logs', reason: reason('alreadyAccepted', { agent: 'Alex' }) } }, tone: 'info' });
      handles.show({ message: { failed: 'workflow.actionFailed', error: refused }, tone: 'error' });
      handles.show({ message: { errorCode: 'unreachable' }, tone: 'error' });
    });
    const texts = () => screen.getAllByTestId('toast').map((toast) => toast.textContent);
    const german = texts();
    expect(german[0]).toContain('Alex hat diese Unterhaltung bereits angenommen.');
    expect(german[1]).toContain('Bea hat diese Unterhaltung bereits angenommen.');

    await act(async () => {
      handles.locale.choose('fr');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const french = texts();
    expect(french[0]).toContain('Alex a déjà accepté cette conversation.');
    expect(french[1]).toContain('Bea a déjà accepté cette conversation.');
    expect(german[2]).toBe(de.errors.unreachable);
    expect(french[2]).toBe(fr.errors.unreachable);
    expect(french.join(' ')).not.toMatch(/Unterhaltung|English/);
  });
});
