// Notifications in the window: reports where the agent is looking (so the core stays quiet about
// the conversation in front of them), plays the chosen sound (never several at once), shows
// notifications through the browser in host mode, opens the conversation a notification or deep
// link asks for, and keeps the unread count in the window title.
import { useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n/LocaleContext';
import type { DeskApi } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';
import { browserNotificationApi, showInBrowser } from './browserNotifier';
import { playSound, throttledSound } from './sound';
import { desktopLabels, notificationTexts } from './texts';
import { windowTitle } from './title';

function isLooking(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

function useReportFocus(api: DeskApi, openId: string | null): void {
  const [focused, setFocused] = useState(isLooking);
  useEffect(() => {
    const update = () => setFocused(isLooking());
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
  useEffect(() => {
    void api['notifications.focus']({ focused, conversationId: openId });
  }, [api, focused, openId]);
}

/**
 * The count goes straight to the title, not through React state: it changes with every customer
 * message, and state here would re-render the whole workspace each time.
 */
function useUnreadTitle(api: DeskApi): void {
  const t = useT();
  useEffect(() => {
    let unread = 0;
    const show = () => {
      document.title = windowTitle(t('app.name'), unread);
    };
    const off = api.on('attention', ({ unread: count }) => {
      unread = count;
      show();
    });
    void api['attention.get']({}).then((result) => {
      if (!result.ok) return;
      unread = result.value.unread;
      show();
    });
    show();
    return () => {
      off();
      document.title = t('app.name');
    };
  }, [api, t]);
}

export function useNotifications({ openId, open }: { openId: string | null; open: (conversationId: string) => void }): void {
  const api = useDeskApi();
  const t = useT();
  const { language } = useLocale();
  useReportFocus(api, openId);
  useUnreadTitle(api);

  useEffect(() => {
    void api['notifications.texts'](notificationTexts(t, language));
    void api['desktop.labels']({ labels: desktopLabels(t) });
  }, [api, t, language]);

  useEffect(() => {
    const takeNavigation = () =>
      void api['navigation.take']({}).then((result) => {
        if (result.ok && result.value) open(result.value);
      });
    const offNavigate = api.on('navigate', takeNavigation);
    takeNavigation();
    const browser = browserNotificationApi();
    // Host mode asks once; the desktop app's notifications need no browser permission.
    if (browser?.permission === 'default' && !window.agentDesk) void browser.requestPermission().catch(() => undefined);
    // The core keeps what the page should show until taken, so a reloaded tab catches up too.
    const showPending = () =>
      void api['notifications.take']({}).then((result) => {
        if (!result.ok) return;
        for (const notification of result.value) {
          showInBrowser(browser, notification, (clicked) => {
            if (clicked.conversationId) open(clicked.conversationId);
          });
        }
      });
    const sound = throttledSound(playSound, () => performance.now());
    const offNotify = api.on('notify', ({ notification, display }) => {
      sound(notification.sound);
      if (display) showPending();
    });
    showPending();
    return () => {
      offNavigate();
      offNotify();
    };
  }, [api, open]);
}
