// The three-panel workspace (inbox | thread | customer) with the status bar, and the commands
// that drive it from the keyboard (shared/keymap.ts, run through ./commands).
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { InboxView, Session } from '../../../shared/ipc/contract';
import { CustomerPanel } from '../customer/CustomerPanel';
import { InboxPanel } from '../inbox/InboxPanel';
import { useNotifications } from '../notifications/useNotifications';
import { GlobalSearch } from '../search/GlobalSearch';
import { SearchRevealProvider } from '../search/SearchReveal';
import { useInbox } from '../inbox/useInbox';
import { useInboxControls } from '../inbox/useInboxControls';
import { WorkflowProvider } from '../workflow/WorkflowContext';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useSettings } from '../settings/useSettings';
import { DiagnosticsDialog } from '../status/DiagnosticsDialog';
import { StatusBar } from '../status/StatusBar';
import { NoConversation, ThreadView } from '../thread/ThreadView';
import { CommandPalette } from './CommandPalette';
import { CommandsProvider, useCommand } from './commands';
import { ShortcutHelp } from './ShortcutHelp';
import './workspace.css';

type Overlay = 'help' | 'diagnostics' | 'palette' | 'settings' | null;

const NARROW = '(max-width: 1100px)';
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const isNarrow = () => window.matchMedia(NARROW).matches;

export function Workspace({ session }: { session: Session }) {
  return (
    <CommandsProvider>
      <SearchRevealProvider>
        <WorkspaceScreen session={session} />
      </SearchRevealProvider>
    </CommandsProvider>
  );
}

function WorkspaceScreen({ session }: { session: Session }) {
  const [view, setView] = useState<InboxView>('mine');
  const [openId, setOpenId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const controls = useInboxControls();
  const inbox = useInbox(view, controls.filter, controls.sort);
  const t = useT();
  const { settings, update } = useSettings();
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow);
  // Narrow windows fold the panel unless the agent opened it there; wide ones follow the setting.
  const [openWhileNarrow, setOpenWhileNarrow] = useState(false);
  const customerFolded = narrow ? !openWhileNarrow : settings.customerPanelCollapsed;
  // Stable, so the customer panel does not render again with every inbox refresh.
  const toggleCustomer = useCallback(
    () => (narrow ? setOpenWhileNarrow(!openWhileNarrow) : update({ customerPanelCollapsed: !settings.customerPanelCollapsed })),
    [narrow, openWhileNarrow, update, settings.customerPanelCollapsed],
  );

  const open = useCallback((conversationId: string) => {
    setOpenId(conversationId);
    setHighlightedId(conversationId);
  }, []);
  useNotifications({ openId, open });

  const changeView = (next: InboxView) => {
    setView(next);
    setHighlightedId(null);
  };

  const step = (from: string | null, by: 1 | -1): string | null => {
    const rows = inbox.rows;
    if (rows.length === 0) return null;
    const current = rows.findIndex((row) => row.conversationId === from);
    const next = current < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, current + by));
    return rows[next]!.conversationId;
  };
  const moveHighlight = (by: 1 | -1) => setHighlightedId(step(highlightedId ?? openId, by));
  const openNext = (by: 1 | -1) => {
    const next = step(openId ?? highlightedId, by);
    if (next) open(next);
  };

  useCommand('next', () => moveHighlight(1));
  useCommand('previous', () => moveHighlight(-1));
  useCommand('open', () => {
    if (highlightedId) open(highlightedId);
  });
  useCommand('nextConversation', () => openNext(1));
  useCommand('previousConversation', () => openNext(-1));
  useCommand('viewMine', () => changeView('mine'));
  useCommand('viewQueued', () => changeView('queued'));
  useCommand('viewAll', () => changeView('all'));
  useCommand('viewAttention', () => changeView('attention'));
  useCommand('viewPending', () => changeView('pending'));
  useCommand('viewResolved', () => changeView('resolved'));
  useCommand('reply', openId ? () => composerRef.current?.focus() : null);
  useCommand('escape', () => {
    const focused = document.activeElement;
    // First Esc leaves the text box; the next one closes the conversation.
    if (focused instanceof HTMLElement && focused.closest('input, textarea, [contenteditable="true"]')) return focused.blur();
    if (openId) {
      setOpenId(null);
      document.querySelector<HTMLElement>('[data-shortcut-area="list"]')?.focus();
    }
  });
  useCommand('customerPanel', openId ? toggleCustomer : null);
  useCommand('palette', () => setOverlay('palette'));
  useCommand('settings', () => setOverlay('settings'));
  useCommand('diagnostics', () => setOverlay('diagnostics'));
  useCommand('help', () => setOverlay('help'));

  const closeOverlay = () => setOverlay(null);
  return (
    <WorkflowProvider openId={openId} onOpen={open}>
    <div className={`workspace${customerFolded ? ' workspace--customer-folded' : ' workspace--customer-open'}`}>
      <InboxPanel
        tenantName={session.tenantName}
        view={view}
        onViewChange={changeView}
        inbox={inbox}
        controls={controls}
        openId={openId}
        highlightedId={highlightedId}
        onOpen={open}
        search={<GlobalSearch onOpen={open} />}
      />
      {openId ? <ThreadView key={openId} conversationId={openId} composerRef={composerRef} /> : <NoConversation />}
      {!openId ? (
        <aside className="customer customer--empty" aria-hidden="true" />
      ) : customerFolded ? (
        <aside className="customer-rail" aria-label={t('customer.title')}>
          <button type="button" className="customer-rail__button" onClick={toggleCustomer} title={t('customer.expand')} aria-keyshortcuts="Control+I" data-testid="customer-expand">
            <span aria-hidden="true">⟨</span>
            <span className="visually-hidden">{t('customer.expand')}</span>
          </button>
        </aside>
      ) : (
        <CustomerPanel conversationId={openId} onOpenConversation={open} onCollapse={toggleCustomer} />
      )}
      <StatusBar
        session={session}
        onOpenDiagnostics={() => setOverlay('diagnostics')}
        onOpenShortcuts={() => setOverlay('help')}
        onOpenSettings={() => setOverlay('settings')}
      />
      {overlay === 'help' ? <ShortcutHelp onClose={closeOverlay} /> : null}
      {overlay === 'diagnostics' ? <DiagnosticsDialog onClose={closeOverlay} /> : null}
      {overlay === 'palette' ? <CommandPalette onClose={closeOverlay} /> : null}
      {overlay === 'settings' ? <SettingsDialog onClose={closeOverlay} /> : null}
    </div>
    </WorkflowProvider>
  );
}
