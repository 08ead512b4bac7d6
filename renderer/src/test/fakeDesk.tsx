// Test double for component tests: a DeskApi whose methods answer from plain functions, plus a
// render helper with the same providers the app uses. Never imported by shipped code.
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { Language } from '../../../shared/i18n/languages';
import type { DeskApi, DeskHandlers, MethodName, PushEventName, PushEvents } from '../../../shared/ipc/contract';
import { METHOD_NAMES } from '../../../shared/ipc/contract';
import { err, ok, toIpcError } from '../../../shared/ipc/result';
import { ApiProvider } from '../api/ApiContext';
import { createQueryClient } from '../api/queryClient';
import { createI18n } from '../i18n/i18n';
import { LocaleProvider } from '../i18n/LocaleContext';
import { ToastProvider } from '../toasts/ToastContext';
import { CommandsProvider } from '../workspace/commands';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

export interface FakeDesk {
  api: DeskApi;
  calls: { method: MethodName; request: unknown }[];
  emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void;
}

export function fakeDesk(handlers: Partial<DeskHandlers>): FakeDesk {
  const calls: FakeDesk['calls'] = [];
  const listeners = new Map<PushEventName, Set<(payload: unknown) => void>>();
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (request: unknown) => {
        calls.push({ method, request });
        const handler = handlers[method] as ((request: unknown) => Promise<unknown>) | undefined;
        if (!handler) return err('internal', `${method} is not faked`);
        try {
          return ok(await handler(request));
        } catch (e) {
          return { ok: false, error: toIpcError(e) };
        }
      },
    ]),
  );
  const api = {
    ...methods,
    on(event: PushEventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as DeskApi;
  return {
    api,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

export async function renderWithDesk(ui: ReactElement, desk: FakeDesk, language: Language = 'en') {
  const locale = await createI18n(language, ['en-GB']);
  const queryClient = createQueryClient();
  const result = render(
    <LocaleProvider setup={locale} systemLocales={['en-GB']}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider api={desk.api}>
          <ToastProvider>
            <CommandsProvider isMac={false}>{ui}</CommandsProvider>
          </ToastProvider>
        </ApiProvider>
      </QueryClientProvider>
    </LocaleProvider>,
  );
  return { ...result, queryClient };
}
