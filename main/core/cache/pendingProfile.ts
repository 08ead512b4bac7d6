// A contact's profile as the agent should see it: the cached one with the changes still waiting in
// the outbox laid over it, in order. Failed changes are not shown (the agent sees them as failed).
import { applyProfileChange } from '../../../shared/contactChange';
import { EMPTY_PROFILE, type ContactProfile } from '../../../shared/domain';
import type { ContactPayload } from '../outbox/kinds';

export interface PendingChange {
  id: string;
  createdAt: number;
  payload: ContactPayload;
}

export function withPendingChanges(profile: ContactProfile | undefined, pending: readonly PendingChange[], selfId: string): ContactProfile | undefined {
  if (pending.length === 0) return profile;
  let result = profile ?? EMPTY_PROFILE;
  for (const entry of pending) {
    try {
      result = applyProfileChange(result, entry.payload.change, { now: entry.createdAt, agentId: selfId, noteId: entry.id });
    } catch {
      // Over a limit: the server will refuse it and the entry will show as failed.
    }
  }
  return result;
}
