import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcuts';
import './shortcut-help.css';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      testId="shortcut-help"
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      }
    >
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.id} className="shortcut-list__row">
            <dt className="shortcut-list__name">{t(`shortcuts.${shortcut.id}`)}</dt>
            <dd className="shortcut-list__keys">
              {shortcut.keys.map((combo, index) => (
                <Fragment key={combo.join('+')}>
                  {index > 0 ? <span className="shortcut-list__or">{t('shortcuts.or')}</span> : null}
                  {combo.map((key, part) => (
                    <Fragment key={key}>
                      {part > 0 ? '+' : null}
                      <kbd className="kbd">{key}</kbd>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
