// Workflow settings the server is started with: closure reasons, predefined tags and the two
// inactivity timers. Defaults suit a support team; every value can be set by flag or environment.
import type { WorkflowSettings } from '../../shared/domain';

export const DEFAULT_CLOSURE_REASONS = ['Solved', 'Answered question', 'No response from customer', 'Duplicate', 'Spam'] as const;
export const DEFAULT_TAGS = ['billing', 'refund', 'delivery', 'login', 'warranty', 'vip', 'feedback', 'complaint'] as const;

/** The reason recorded when the inactivity timer resolves a conversation. */
export const AUTO_RESOLVE_REASON = 'No response from customer';

export interface WorkflowConfig extends WorkflowSettings {
  /** Resolve active/pending conversations once the customer is silent this long after our reply. */
  autoResolveMs: number;
  /** Mark queued conversations abandoned once the customer is silent this long without an agent. */
  abandonMs: number;
  /** How often the timers look for conversations to close. */
  sweepMs: number;
}

const HOUR = 60 * 60 * 1000;

export const DEFAULT_WORKFLOW: WorkflowConfig = {
  closureReasons: [...DEFAULT_CLOSURE_REASONS],
  tags: [...DEFAULT_TAGS],
  autoResolveMs: 7 * 24 * HOUR,
  abandonMs: 24 * HOUR,
  sweepMs: 60_000,
};
