import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectApi } from './api/selectApi';
import { Root } from './app/Root';
import { applyDocumentLanguage, createI18n } from './i18n/i18n';
import './styles/tokens.css';
import './styles/base.css';

const connection = selectApi(window, (url) => new WebSocket(url));
const locale = await createI18n(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
applyDocumentLanguage(document, locale);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <Root connection={connection} locale={locale} />
  </StrictMode>,
);
