// What a toast says, kept as what it means (a core notice, a failed call, an error code) rather than
// as words: a toast stays up for seconds, and an agent who switches language meanwhile must see it
// in the new language, so it is worded each time it renders.
import type { TFunction } from 'i18next';
import type { Notice } from '../../../shared/ipc/contract';
import { errorText, noticeText } from '../i18n/reasonText';

export type ToastMessage =
  /** A notice from the core, worded by its kind and reason. */
  | { notice: Notice }
  /** An action that failed: a title, and the failed call's reason (or its error code's text) below it. */
  | { failed: 'workflow.actionFailed'; error: unknown }
  /** A failure told by its error code alone (`errors.<code>`). */
  | { errorCode: string };

export function toastText(t: TFunction, locale: string, message: ToastMessage): { title: string; detail: string | null } {
  if ('notice' in message) return noticeText(t, locale, message.notice);
  if ('failed' in message) return { title: t(message.failed), detail: errorText(t, locale, message.error) };
  return { title: t(`errors.${message.errorCode}`), detail: null };
}
