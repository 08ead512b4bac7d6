// Links between the portal's screens: real links (open in a new tab, copy the address) that move
// within the page on a plain click.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortal } from './context';
import { BackIcon } from './icons';
import { pathOf, type Route } from './routes';

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

interface AppLinkProps {
  to: Route;
  navigate: Navigate;
  className?: string;
  testId?: string;
  children: ReactNode;
  [data: `data-${string}`]: string | number | undefined;
}

export function AppLink({ to, navigate, className, testId, children, ...data }: AppLinkProps) {
  const { api } = usePortal();
  return (
    <a
      {...data}
      className={className}
      href={pathOf(api.tenant, to)}
      data-testid={testId}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function BackLink({ navigate }: { navigate: Navigate }) {
  const { t } = useTranslation();
  return (
    <AppLink to={{ page: 'messages' }} navigate={navigate} className="back-link" testId="portal-back">
      <BackIcon />
      <span>{t('thread.back')}</span>
    </AppLink>
  );
}
