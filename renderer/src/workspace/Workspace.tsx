// The three-panel workspace (inbox | thread | customer) with the status bar, and the keyboard
// shortcuts that drive it.
import { useCallback, useRef, useState } from 'react';
import type { InboxView, Session } from '../../../shared/ipc/contract';
import { CustomerPanel } from '../customer/CustomerPanel';
import { InboxPanel } from '../inbox/InboxPanel';
import { useInbox } from '../inbox/useInbox';
import { DiagnosticsDialog } from '../status/DiagnosticsDialog';
import { StatusBar } from '../status/StatusBar';
import { NoConversation, ThreadView } from '../thread/ThreadView';
import { ShortcutHelp } from './ShortcutHelp';
import type { ShortcutId } from './shortcuts';
import { useShortcuts } from './useShortcuts';
import './workspace.css';

type Overlay = 'help' | 'diagnostics' | null;

const VIEW_SHORTCUTS: Partial<Record<ShortcutId, InboxView>> = { viewMine: 'mine', viewQueued: 'queued', viewAll: 'all' };

export function Workspace({ session }: { session: Session }) {
  const [view, setView] = useState<InboxView>('mine');
  const [openId, setOpenId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const [drafts] = useState(() => new Map<string, string>());
  const inbox = useInbox(view);

  const open = useCallback((conversationId: string) => {
    setOpenId(conversationId);
    setHighlightedId(conversationId);
  }, []);

  const changeView = (next: InboxView) => {
    setView(next);
    setHighlightedId(null);
  };

  const moveHighlight = (step: 1 | -1) => {
    const rows = inbox.rows;
    if (rows.length === 0) return;
    const current = rows.findIndex((row) => row.conversationId === (highlightedId ?? openId));
    const next = current < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, current + step));
    setHighlightedId(rows[next]!.conversationId);
  };

  useShortcuts((id) => {
    const targetView = VIEW_SHORTCUTS[id];
    if (targetView) return changeView(targetView);
    switch (id) {
      case 'next':
        return moveHighlight(1);
      case 'previous':
        return moveHighlight(-1);
      case 'open':
        if (highlightedId) open(highlightedId);
        return;
      case 'reply':
        return composerRef.current?.focus();
      case 'leave':
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        return;
      case 'diagnostics':
        return setOverlay('diagnostics');
      case 'help':
        return setOverlay('help');
    }
  }, overlay === null);

  const closeOverlay = () => setOverlay(null);
  return (
    <div className="workspace">
      <InboxPanel
        tenantName={session.tenantName}
        view={view}
        onViewChange={changeView}
        inbox={inbox}
        openId={openId}
        highlightedId={highlightedId}
        onOpen={open}
      />
      {openId ? <ThreadView key={openId} conversationId={openId} composerRef={composerRef} drafts={drafts} /> : <NoConversation />}
      {openId ? <CustomerPanel conversationId={openId} /> : <aside className="customer customer--empty" aria-hidden="true" />}
      <StatusBar session={session} onOpenDiagnostics={() => setOverlay('diagnostics')} onOpenShortcuts={() => setOverlay('help')} />
      {overlay === 'help' ? <ShortcutHelp onClose={closeOverlay} /> : null}
      {overlay === 'diagnostics' ? <DiagnosticsDialog onClose={closeOverlay} /> : null}
    </div>
  );
}
