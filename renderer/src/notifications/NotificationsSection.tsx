// Settings → Notifications: which events notify, the sound (with a test), do not disturb with its
// schedule, the queue reminder, and (desktop app only) launching at login.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import {
  DND_MODES,
  NOTIFICATION_SOUNDS,
  NOTIFY_KINDS,
  REMINDER_MAX_SECONDS,
  REMINDER_MIN_SECONDS,
  type NotificationSettings,
} from '../../../shared/notifications';
import { useDeskApi } from '../api/ApiContext';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { deskKey } from '../api/queryKeys';
import { useSettings } from '../settings/useSettings';
import { browserNotificationApi } from './browserNotifier';
import { playSound } from './sound';
import './notifications.css';

function BrowserPermission() {
  const t = useT();
  const browser = browserNotificationApi();
  const [permission, setPermission] = useState(browser?.permission ?? 'denied');
  // The desktop app shows notifications natively; only a browser tab needs the permission.
  if (window.agentDesk || !browser || permission === 'granted') return null;
  return (
    <p className="notify-settings__permission" data-testid="notifications-permission">
      {permission === 'denied' ? t('notifications.settings.permissionDenied') : t('notifications.settings.permissionAsk')}
      {permission === 'default' ? (
        <button type="button" className="button" onClick={() => void browser.requestPermission().then(setPermission)}>
          {t('notifications.settings.permissionButton')}
        </button>
      ) : null}
    </p>
  );
}

function LaunchAtLogin() {
  const t = useT();
  const queryClient = useQueryClient();
  const desktop = useDeskQuery('desktop.get', {});
  const mutation = useDeskMutation('desktop.set', {
    onSuccess: (value) => queryClient.setQueryData(deskKey('desktop.get', {}), value),
  });
  const launchAtLogin = desktop.data?.launchAtLogin;
  if (launchAtLogin === null || launchAtLogin === undefined) return null;
  return (
    <fieldset className="settings__group">
      <legend className="settings__legend">{t('notifications.settings.desktop')}</legend>
      <label className="settings__choice">
        <input
          type="checkbox"
          data-testid="setting-launchAtLogin"
          checked={launchAtLogin}
          onChange={(event) => mutation.mutate({ launchAtLogin: event.target.checked })}
        />
        {t('notifications.settings.launchAtLogin')}
      </label>
    </fieldset>
  );
}

export function NotificationsSection() {
  const t = useT();
  const api = useDeskApi();
  const { settings, update } = useSettings();
  const current = settings.notifications;
  const change = (patch: Partial<NotificationSettings>) => update({ notifications: { ...current, ...patch } });

  return (
    <div>
      <BrowserPermission />
      <fieldset className="settings__group">
        <legend className="settings__legend">{t('notifications.settings.kinds')}</legend>
        {NOTIFY_KINDS.map((kind) => (
          <label key={kind} className="settings__choice">
            <input
              type="checkbox"
              data-testid={`setting-notify-${kind}`}
              checked={current.kinds[kind]}
              onChange={(event) => change({ kinds: { ...current.kinds, [kind]: event.target.checked } })}
            />
            {t(`notifications.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="settings__group">
        <legend className="settings__legend">{t('notifications.settings.sound')}</legend>
        <div className="notify-settings__row">
          <select
            aria-label={t('notifications.settings.sound')}
            data-testid="setting-notify-sound"
            value={current.sound}
            onChange={(event) => change({ sound: event.target.value as NotificationSettings['sound'] })}
          >
            {[...NOTIFICATION_SOUNDS, 'none' as const].map((sound) => (
              <option key={sound} value={sound}>
                {t(`notifications.sounds.${sound}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid="notifications-test"
            onClick={() => {
              playSound(current.sound);
              void api['notifications.test']({});
            }}
          >
            {t('notifications.settings.test')}
          </button>
        </div>
      </fieldset>

      <fieldset className="settings__group">
        <legend className="settings__legend">{t('notifications.settings.dnd')}</legend>
        {DND_MODES.map((mode) => (
          <label key={mode} className="settings__choice">
            <input
              type="radio"
              name="dnd"
              data-testid={`setting-dnd-${mode}`}
              checked={current.dnd.mode === mode}
              onChange={() => change({ dnd: { ...current.dnd, mode } })}
            />
            {t(`notifications.dnd.${mode}`)}
          </label>
        ))}
        <div className="notify-settings__row">
          <label>
            {t('notifications.settings.from')}{' '}
            <input
              type="time"
              data-testid="setting-dnd-start"
              disabled={current.dnd.mode !== 'scheduled'}
              value={current.dnd.start}
              onChange={(event) => event.target.value && change({ dnd: { ...current.dnd, start: event.target.value } })}
            />
          </label>
          <label>
            {t('notifications.settings.to')}{' '}
            <input
              type="time"
              data-testid="setting-dnd-end"
              disabled={current.dnd.mode !== 'scheduled'}
              value={current.dnd.end}
              onChange={(event) => event.target.value && change({ dnd: { ...current.dnd, end: event.target.value } })}
            />
          </label>
        </div>
      </fieldset>

      <fieldset className="settings__group">
        <legend className="settings__legend">{t('notifications.settings.reminder')}</legend>
        <label className="settings__choice">
          <input
            type="checkbox"
            data-testid="setting-reminder"
            checked={current.reminder.enabled}
            onChange={(event) => change({ reminder: { ...current.reminder, enabled: event.target.checked } })}
          />
          {t('notifications.settings.reminderEnabled')}
        </label>
        <label className="notify-settings__row">
          {t('notifications.settings.reminderAfter')}
          <input
            type="number"
            data-testid="setting-reminder-seconds"
            min={REMINDER_MIN_SECONDS}
            max={REMINDER_MAX_SECONDS}
            step={5}
            disabled={!current.reminder.enabled}
            value={current.reminder.afterSeconds}
            onChange={(event) => {
              const seconds = Math.round(Number(event.target.value));
              if (seconds >= REMINDER_MIN_SECONDS && seconds <= REMINDER_MAX_SECONDS) {
                change({ reminder: { ...current.reminder, afterSeconds: seconds } });
              }
            }}
          />
        </label>
      </fieldset>
      <LaunchAtLogin />
    </div>
  );
}
