import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { errorCode } from '../api/call';
import { useDeskMutation } from '../api/hooks';
import { applySession } from '../api/session';
import { useReasonText } from '../i18n/reasonText';
import { InboxIcon } from '../ui/icons';
import './login.css';

export function LoginScreen({ defaultServerUrl }: { defaultServerUrl: string }) {
  const t = useT();
  const words = useReasonText();
  const queryClient = useQueryClient();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ids = { server: useId(), email: useId(), password: useId(), error: useId() };

  const login = useDeskMutation('session.login', { onSuccess: (session) => applySession(queryClient, session) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!login.isPending) login.mutate({ serverUrl: serverUrl.trim(), email: email.trim(), password });
  };

  const error = login.error ? words.error(login.error) : null;

  return (
    <main className="login">
      <form className="login__card" data-testid="login-form" onSubmit={submit} aria-describedby={error ? ids.error : undefined}>
        <div className="login__brand">
          <span className="login__logo">
            <InboxIcon />
          </span>
          <span className="login__product">{t('app.name')}</span>
        </div>
        <h1 className="login__title">{t('login.title')}</h1>
        <p className="login__subtitle">{t('login.subtitle')}</p>

        <label className="field" htmlFor={ids.server}>
          <span className="field__label">{t('login.serverUrl')}</span>
          <input id={ids.server} className="input" type="url" required autoComplete="url" dir="ltr" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label className="field" htmlFor={ids.email}>
          <span className="field__label">{t('login.email')}</span>
          {/* The email field gets focus first: the server URL is usually prefilled. */}
          <input id={ids.email} className="input" type="email" required autoComplete="username" autoFocus dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field" htmlFor={ids.password}>
          <span className="field__label">{t('login.password')}</span>
          <input id={ids.password} className="input" type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>

        {error ? (
          <p id={ids.error} className="login__error" role="alert" data-testid="login-error" data-code={errorCode(login.error)}>
            {error}
          </p>
        ) : null}

        <button type="submit" className="button button--primary button--block" disabled={login.isPending} aria-busy={login.isPending}>
          {login.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
