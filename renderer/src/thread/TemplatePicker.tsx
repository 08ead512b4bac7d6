// Approved WhatsApp templates: pick one, fill its values, see the exact text, send it. The server
// renders the text again from the template id, so nothing but approved text leaves this way.
import { useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import { renderTemplate, WHATSAPP_TEMPLATES, type WhatsAppTemplate, type WhatsAppTemplateParam } from '../../../shared/channels/whatsapp';

interface TemplatePickerProps {
  defaults: Partial<Record<WhatsAppTemplateParam, string>>;
  sending: boolean;
  onSend: (template: WhatsAppTemplate, params: string[]) => void;
  onClose: () => void;
}

export function TemplatePicker({ defaults, sending, onSend, onClose }: TemplatePickerProps) {
  const t = useT();
  const [chosen, setChosen] = useState<WhatsAppTemplate | null>(null);
  const [values, setValues] = useState<string[]>([]);

  const choose = (template: WhatsAppTemplate) => {
    setChosen(template);
    setValues(template.params.map((p) => defaults[p] ?? ''));
  };

  if (!chosen) {
    return (
      <div className="templates" data-testid="template-picker" role="group" aria-label={t('templates.title')}>
        <div className="templates__head">
          <span className="templates__title">{t('templates.title')}</span>
          <button type="button" className="button button--small" onClick={onClose}>
            {t('templates.close')}
          </button>
        </div>
        <ul className="templates__list">
          {WHATSAPP_TEMPLATES.map((template) => (
            <li key={template.id}>
              <button type="button" className="templates__item" data-testid="template-option" data-template-id={template.id} onClick={() => choose(template)}>
                <span className="templates__name">{t(`templates.names.${template.id}`)}</span>
                <span className="templates__body">{template.body}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const rendered = renderTemplate(chosen, values);
  return (
    // Not a <form>: the picker sits inside the composer's form, and forms do not nest.
    <div className="templates" data-testid="template-form" role="group" aria-label={t(`templates.names.${chosen.id}`)}>
      <div className="templates__head">
        <span className="templates__title">{t(`templates.names.${chosen.id}`)}</span>
        <button type="button" className="button button--small" onClick={() => setChosen(null)}>
          {t('templates.back')}
        </button>
      </div>
      <div className="templates__fields">
        {chosen.params.map((param, index) => (
          <label key={index} className="templates__field">
            <span>{t(`templates.params.${param}`)}</span>
            <input
              className="input"
              value={values[index] ?? ''}
              data-testid="template-param"
              onChange={(event) => setValues(values.map((v, i) => (i === index ? event.target.value : v)))}
            />
          </label>
        ))}
      </div>
      <p className="templates__preview" data-testid="template-preview" dir="auto">
        {rendered.ok ? rendered.body : t('templates.fillAll')}
      </p>
      <button
        type="button"
        className="button button--primary"
        data-testid="template-send"
        disabled={!rendered.ok || sending}
        onClick={() => {
          if (rendered.ok) onSend(chosen, values);
        }}
      >
        {t('templates.send')}
      </button>
    </div>
  );
}
