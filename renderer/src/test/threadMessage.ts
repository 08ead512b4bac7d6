// A thread message for component tests: a plain inbound WhatsApp text unless told otherwise. Never
// imported by shipped code.
import { plainMessageFields } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';

export function threadMessage(fields: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    id: 'm1',
    clientId: null,
    conversationId: 'c1',
    seq: 1,
    direction: 'inbound',
    kind: 'text',
    channel: 'whatsapp',
    authorAgentId: null,
    body: '',
    createdAt: Date.now(),
    status: null,
    statusSeq: 0,
    call: null,
    ...plainMessageFields(),
    authorName: null,
    outbox: null,
    ...fields,
  };
}
