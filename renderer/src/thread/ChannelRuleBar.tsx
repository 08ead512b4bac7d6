// The channel's rule for the reply being written: WhatsApp's window (time left, or why only
// templates can be sent), or the SMS segment count.
import { useT } from '../i18n/LocaleContext';
import type { Channel } from '../../../shared/domain';
import { type ComposerRules, timeLeft } from './composerRules';

export function ChannelRuleBar({ rules, channel, onTemplates }: { rules: ComposerRules; channel: Channel; onTemplates: () => void }) {
  const t = useT();
  if (rules.whatsapp) {
    const w = rules.whatsapp;
    if (w.open) {
      const left = timeLeft(w.remainingMs);
      return (
        <span className="rule rule--open" data-testid="whatsapp-window" data-open="true">
          {t('composer.whatsapp.open', left)}
          <button type="button" className="rule__link" onClick={onTemplates}>
            {t('composer.whatsapp.templates')}
          </button>
        </span>
      );
    }
    return (
      <span className="rule rule--closed" data-testid="whatsapp-window" data-open="false" role="status">
        {w.closedAt === null ? t('composer.whatsapp.neverOpened') : t('composer.whatsapp.closed')}
        <button type="button" className="button button--small button--primary" data-testid="open-templates" onClick={onTemplates}>
          {t('composer.whatsapp.templates')}
        </button>
      </span>
    );
  }
  if (rules.sms) {
    const s = rules.sms;
    return (
      <span className={s.segments > 1 ? 'rule rule--sms rule--multi' : 'rule rule--sms'} data-testid="sms-counter" data-segments={s.segments} data-encoding={s.encoding}>
        {t('composer.sms.counter', { remaining: s.remaining, count: Math.max(1, s.segments) })}
        {s.encoding === 'ucs2' ? <span className="rule__hint">{t('composer.sms.unicode')}</span> : null}
        {channel === 'voice' ? <span className="rule__hint">{t('composer.sms.viaSms')}</span> : null}
      </span>
    );
  }
  return null;
}
