// The workflow dialogs (transfer, resolve, tags, new conversation), accepting, and the commands
// that run them. Anything can use the context: the thread's action bar, inbox rows, the keymap,
// the palette, the desktop menus.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isClosed } from '../../../shared/workflow/transitions';
import { useDeskQuery } from '../api/hooks';
import { useCommand } from '../workspace/commands';
import { NewConversationDialog } from './NewConversationDialog';
import { ResolveDialog } from './ResolveDialog';
import { TagsDialog } from './TagsDialog';
import { TransferDialog } from './TransferDialog';
import { useAction } from './useWorkflow';

type DialogState = { kind: 'transfer' | 'resolve' | 'tags'; conversationId: string } | { kind: 'new' } | null;

interface WorkflowValue {
  openDialog: (dialog: Exclude<DialogState, null>) => void;
  /** Selects a conversation in the workspace (a follow-up's earlier conversation, a new one). */
  openConversation: (conversationId: string) => void;
  /** Accepts a queued conversation and opens it. */
  accept: (conversationId: string) => void;
  /** Conversations this agent tried to accept: if someone else has one now, they won the race. */
  attempted: ReadonlySet<string>;
  /** The agent holds the conversation: whoever has it later got it from them, not by a race. */
  settle: (conversationId: string) => void;
}

const WorkflowContext = createContext<WorkflowValue | null>(null);

export function useWorkflow(): WorkflowValue {
  const value = useContext(WorkflowContext);
  if (!value) throw new Error('useWorkflow needs a <WorkflowProvider> above it.');
  return value;
}

export function WorkflowProvider({ openId, onOpen, children }: { openId: string | null; onOpen: (id: string) => void; children: ReactNode }) {
  const [dialog, setDialog] = useState<DialogState>(null);
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(() => new Set());
  const detail = useDeskQuery('conversation.get', { conversationId: openId ?? '' }, { enabled: openId !== null });
  const conversation = openId !== null ? detail.data?.conversation : undefined;
  const acceptAction = useAction('conversation.accept');
  const reopen = useAction('conversation.reopen');
  const pin = useAction('conversation.pin');
  const { run: runAccept } = acceptAction;

  const accept = useCallback(
    (conversationId: string) => {
      setAttempted((old) => new Set(old).add(conversationId));
      runAccept({ conversationId });
      onOpen(conversationId);
    },
    [runAccept, onOpen],
  );

  const settle = useCallback((conversationId: string) => {
    setAttempted((old) => {
      if (!old.has(conversationId)) return old;
      const next = new Set(old);
      next.delete(conversationId);
      return next;
    });
  }, []);

  const workable = conversation !== undefined && !isClosed(conversation.status);
  useCommand('transfer', openId && workable ? () => setDialog({ kind: 'transfer', conversationId: openId }) : null);
  useCommand('resolve', openId && workable ? () => setDialog({ kind: 'resolve', conversationId: openId }) : null);
  useCommand('tag', openId && conversation ? () => setDialog({ kind: 'tags', conversationId: openId }) : null);
  useCommand('accept', openId && conversation?.status === 'queued' ? () => accept(openId) : null);
  useCommand('reopen', openId && conversation && isClosed(conversation.status) ? () => reopen.run({ conversationId: openId }) : null);
  useCommand('pin', openId && detail.data ? () => pin.run({ conversationId: openId, pinned: !detail.data.pinned }) : null);
  useCommand('newConversation', () => setDialog({ kind: 'new' }));

  const value = useMemo(() => ({ openDialog: setDialog, openConversation: onOpen, accept, attempted, settle }), [onOpen, accept, attempted, settle]);
  const close = () => setDialog(null);
  return (
    <WorkflowContext.Provider value={value}>
      {children}
      {dialog?.kind === 'transfer' ? <TransferDialog conversationId={dialog.conversationId} onClose={close} /> : null}
      {dialog?.kind === 'resolve' ? <ResolveDialog conversationId={dialog.conversationId} onClose={close} /> : null}
      {dialog?.kind === 'tags' ? <TagsDialog conversationId={dialog.conversationId} onClose={close} /> : null}
      {dialog?.kind === 'new' ? <NewConversationDialog onClose={close} onStarted={onOpen} /> : null}
    </WorkflowContext.Provider>
  );
}
