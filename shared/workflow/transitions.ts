// The conversation state machine: which workflow action may move a conversation from which status
// to which. The server validates every change against this table; the app uses it to offer only
// the actions that can succeed.
import type { ConversationStatus } from '../domain';

export const WORKFLOW_ACTIONS = [
  /** An agent takes a queued conversation. */
  'accept',
  /** Routing gives a queued conversation to an agent. */
  'assign',
  'transferToAgent',
  /** Back to a queue, where routing (or an Accept) picks it up again. */
  'transferToQueue',
  /** The agent waits on the customer. */
  'setPending',
  /** The agent takes a pending conversation back up. */
  'setActive',
  'customerReplied',
  'resolve',
  /** The customer stayed silent after the agent's reply for the configured time. */
  'autoResolve',
  /** Nobody accepted and the customer went quiet for the configured time. */
  'abandon',
  'reopen',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

type Table = Record<WorkflowAction, Partial<Record<ConversationStatus, ConversationStatus>>>;

const TABLE: Table = {
  accept: { queued: 'active' },
  assign: { queued: 'active' },
  transferToAgent: { queued: 'active', active: 'active', pending: 'active' },
  transferToQueue: { queued: 'queued', active: 'queued', pending: 'queued' },
  setPending: { active: 'pending' },
  setActive: { pending: 'active' },
  customerReplied: { queued: 'queued', active: 'active', pending: 'active' },
  resolve: { queued: 'resolved', active: 'resolved', pending: 'resolved' },
  autoResolve: { active: 'resolved', pending: 'resolved' },
  abandon: { queued: 'abandoned' },
  reopen: { resolved: 'active', abandoned: 'active' },
};

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextStatus(from: ConversationStatus, action: WorkflowAction): ConversationStatus | null {
  return TABLE[action][from] ?? null;
}

export function canApply(from: ConversationStatus, action: WorkflowAction): boolean {
  return nextStatus(from, action) !== null;
}

/** Resolved and abandoned conversations are read-only until an agent reopens them. */
export function isClosed(status: ConversationStatus): boolean {
  return status === 'resolved' || status === 'abandoned';
}
