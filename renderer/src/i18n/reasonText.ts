// The agent's words for why something failed (shared/reasons.ts): the reason's code translated
// with its parameters. The English message that travels next to it is for logs and never shown;
// a reason this build cannot word falls back to the generic text of the error's code.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { formatFileSize } from '../../../shared/attachments';
import type { Notice } from '../../../shared/ipc/contract';
import { knownReason, REASONS, type Reason, type ReasonParamKind } from '../../../shared/reasons';
import { DeskCallError } from '../api/call';
import { useLocale, useT } from './LocaleContext';

function paramText(t: TFunction, locale: string, kind: ReasonParamKind, value: string | number): string | number {
  switch (kind) {
    case 'bytes':
      return formatFileSize(Number(value), locale);
    case 'status':
      return t(`conversationStatus.${value}`, { defaultValue: String(value) });
    case 'channel':
      return t(`channel.${value}`, { defaultValue: String(value) });
    default:
      return value;
  }
}

/** The translated reason, or null when there is none this build knows. */
export function reasonText(t: TFunction, locale: string, value: Reason | null | undefined): string | null {
  const known = knownReason(value);
  if (!known) return null;
  const kinds: Record<string, ReasonParamKind> = REASONS[known.code];
  const values = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, paramText(t, locale, kind, known.params[name] ?? '')]));
  return t(`reasons.${known.code}`, values);
}

/** What a failed call shows: its reason, else the generic text of its error code. */
export function errorText(t: TFunction, locale: string, error: unknown): string {
  if (!(error instanceof DeskCallError)) return t('errors.internal');
  return reasonText(t, locale, error.reason) ?? t(`errors.${error.code}`);
}

/** A core notice as a toast's title and detail. */
export function noticeText(t: TFunction, locale: string, notice: Notice): { title: string; detail: string | null } {
  const why = reasonText(t, locale, notice.reason);
  switch (notice.kind) {
    case 'sendFailed':
      return {
        title: t(notice.subject === 'change' ? 'toast.changeFailed' : 'toast.sendFailed'),
        detail: t('notice.retryOrDiscard', { reason: why ?? t('notice.refused') }),
      };
    case 'changeRefused':
      return { title: t('toast.changeRefused'), detail: why ?? t('notice.refused') };
    default:
      return { title: t(`toast.${notice.kind}`), detail: why };
  }
}

/** `errorText` and `reasonText` bound to the agent's language. */
export function useReasonText() {
  const t = useT();
  const { locale } = useLocale();
  return {
    error: useCallback((error: unknown) => errorText(t, locale, error), [t, locale]),
    reason: useCallback((value: Reason | null | undefined) => reasonText(t, locale, value), [t, locale]),
  };
}
