// One handler per socket request. Each runs with the authenticated session, and every query
// inside is scoped to the session's tenant.
import type { z } from 'zod';
import type { SocketRequestName, SocketResponse, socketRequests } from '../../shared/protocol';
import type { Session } from '../store/directory';
import { deleteCannedMessage, saveCannedMessage } from '../operations/canned';
import { addNote, givePoints, setAttributes } from '../operations/contactProfile';
import { historyPage } from '../operations/history';
import { markRead } from '../operations/markRead';
import { pull } from '../operations/pull';
import { searchMessages } from '../operations/search';
import { applyMessageIndexQueue } from '../db/messageIndexQueue';
import { sendMessage, type SendDeps } from '../operations/send';
import { deleteMessage, editMessage, reactToMessage } from '../operations/messageChanges';
import type { ActivityHub } from '../activity/hub';
import { ProtocolFailure } from '../errors';
import { getConversation } from '../store/conversations';
import { snapshot } from '../operations/snapshot';
import * as workflow from '../workflow/operations';
import type { WorkflowConfig } from '../workflow/settings';
import { searchContacts, startConversation } from '../workflow/start';

export type ParsedRequest<N extends SocketRequestName> = z.output<(typeof socketRequests)[N]['request']>;

export type Handlers = {
  [N in SocketRequestName]: (session: Session, request: ParsedRequest<N>) => Promise<SocketResponse<N>>;
};

export function createHandlers(deps: SendDeps & { activity: ActivityHub; workflow: WorkflowConfig }): Handlers {
  return {
    'message.edit': (session, request) => editMessage(deps, session, request),
    'message.delete': (session, request) => deleteMessage(deps, session, request),
    'message.react': (session, request) => reactToMessage(deps, session, request),
    'activity.typing': async (session, request) => {
      const conversation = await getConversation(deps.db, session.tenantId, request.conversationId);
      if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`);
      deps.activity.typing(session.tenantId, conversation.id, session.agentId, request.typing);
      return { ok: true as const };
    },
    'activity.presence': async (session) => ({ online: deps.activity.online(session.tenantId) }),
    'sync.pull': (session, request) => pull(deps.db, session, request),
    'sync.snapshot': (session, request) => snapshot(deps.db, session, request, deps.now(), deps.workflow),
    'history.page': (session, request) => historyPage(deps.db, session.tenantId, request),
    'message.send': (session, request) => sendMessage(deps, session, request),
    'conversation.markRead': (session, request) => markRead(deps, session, request),
    'conversation.accept': (session, request) => workflow.accept(deps, session, request),
    'conversation.transfer': (session, request) => workflow.transfer(deps, session, request),
    'conversation.resolve': (session, request) => workflow.resolve(deps, session, request),
    'conversation.reopen': (session, request) => workflow.reopen(deps, session, request),
    'conversation.setStatus': (session, request) => workflow.setStatus(deps, session, request),
    'conversation.tag': (session, request) => workflow.tag(deps, session, request),
    'conversation.pin': (session, request) => workflow.pin(deps, session, request),
    'agent.setStatus': (session, request) => workflow.setAgentStatus(deps, session, request),
    'conversation.start': (session, request) => startConversation(deps, session, request),
    'contacts.search': async (session, request) => ({
      contacts: await searchContacts(deps.db, session.tenantId, request.query, request.limit),
    }),
    'search.messages': async (session, request) => {
      // Writes leave up to a batch of messages queued for the word index: the search takes them in first.
      await deps.writer.run(session.tenantId, ({ trx }) => applyMessageIndexQueue(trx));
      return searchMessages(deps.db, session.tenantId, request);
    },
    'canned.save': (session, request) => saveCannedMessage(deps, session, request),
    'canned.delete': (session, request) => deleteCannedMessage(deps, session, request),
    'contact.setAttributes': (session, request) => setAttributes(deps, session, request),
    'contact.givePoints': (session, request) => givePoints(deps, session, request),
    'contact.addNote': (session, request) => addNote(deps, session, request),
  };
}
