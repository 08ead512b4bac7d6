// Boot: pick the language, read the address, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApi } from './api';
import { App } from './App';
import { createPortalI18n } from './i18n/i18n';
import { parseLocation } from './routes';
import './styles.css';

const where = parseLocation(location.pathname, location.search);
const setup = await createPortalI18n(navigator.languages);
document.documentElement.lang = setup.language;
document.documentElement.dir = setup.direction;
const root = createRoot(document.getElementById('root')!);
if (where) {
  // The sign-in failure is shown once; reloading the page should not show it again.
  if (where.signInFailure) history.replaceState(null, '', location.pathname);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={setup.i18n}>
        <App api={createApi(where.tenant)} locale={setup.locale} initialRoute={where.route} signInFailure={where.signInFailure} />
      </I18nextProvider>
    </StrictMode>,
  );
}
