import { StrictMode } from 'react';
import { notifyManager } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { coalesce } from './api/coalesce';
import { selectApi } from './api/selectApi';
import { Root } from './app/Root';
import { applyDocumentLanguage, createI18n } from './i18n/i18n';
import { startLanguage } from './i18n/startLanguage';
import './styles/tokens.css';
import './styles/base.css';

// Query answers that arrive together render together (see coalesce.ts); an error in one listener
// is still reported as uncaught, as it would be from a task of its own.
notifyManager.setScheduler(coalesce((run) => setTimeout(run, 0), (error) => reportError(error)));
const connection = selectApi(window, (url) => new WebSocket(url));
const browserLocales = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
const { language, systemLocales } = await startLanguage(connection.kind === 'missingToken' ? null : connection.api, browserLocales);
const locale = await createI18n(language, systemLocales);
applyDocumentLanguage(document, language);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <Root connection={connection} locale={locale} systemLocales={systemLocales} />
  </StrictMode>,
);
