// The sections of the Settings dialog, in order. To add one: write a component that takes no
// props (read and write settings with `useSettings`), add a label under `settings.sections` in
// the locales, and add one line here.
import type { ComponentType } from 'react';
import { NotificationsSection } from '../notifications/NotificationsSection';
import { CannedSettings } from '../canned/CannedSettings';
import { LanguageSection } from '../i18n/LanguageSection';
import { ComposingSection } from './ComposingSection';

export interface SettingsSection {
  id: string;
  /** i18n key of the tab label. */
  labelKey: string;
  Component: ComponentType;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'composing', labelKey: 'settings.sections.composing', Component: ComposingSection },
  { id: 'notifications', labelKey: 'settings.sections.notifications', Component: NotificationsSection },
  { id: 'canned', labelKey: 'settings.sections.canned', Component: CannedSettings },
  { id: 'language', labelKey: 'settings.sections.language', Component: LanguageSection },
];
