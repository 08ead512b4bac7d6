// The portal is the one channel the backend delivers itself: a reply is stored and the customer's
// portal page fetches it. There is no carrier, so no carrier receipts either: the portal reports
// `delivered` when it shows the customer the reply and `read` when the customer opens the thread.
// Edits and deletions are stored, so the page shows them the next time it fetches the thread.
import type { ChannelAdapter } from './adapter';

export function createPortalChannel(newId: () => string): ChannelAdapter {
  return {
    channel: 'portal',
    changeWindow: { editMs: Number.POSITIVE_INFINITY, deleteMs: Number.POSITIVE_INFINITY },
    change: async () => undefined,
    send: async () => ({ externalId: `portal-${newId()}` }),
    close: () => undefined,
  };
}
