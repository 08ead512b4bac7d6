import { Fragment } from 'react';
import { useT } from '../i18n/LocaleContext';
import { keyLabels, type KeyBinding } from '../../../shared/keymap';

/** Key combinations as <kbd> parts: "Ctrl + T or ↓". */
export function KeyCombos({ bindings, isMac }: { bindings: readonly KeyBinding[]; isMac: boolean }) {
  const t = useT();
  return (
    <>
      {bindings.map((binding, index) => {
        const parts = keyLabels(binding, isMac);
        return (
          <Fragment key={parts.join('+')}>
            {index > 0 ? <span className="kbd-or">{t('shortcuts.or')}</span> : null}
            {parts.map((part, i) => (
              <Fragment key={part}>
                {i > 0 ? '+' : null}
                <kbd className="kbd">{part}</kbd>
              </Fragment>
            ))}
          </Fragment>
        );
      })}
    </>
  );
}
