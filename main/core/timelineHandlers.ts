// The timeline's contract methods: replies with quotes, files and templates, notes, edits,
// deletions, reactions, attachments in chunks, typing and presence, and opening links.
import { emptySummary } from './cache/apply';
import { v7 as uuidv7 } from 'uuid';
import { checkAttachment, describeRefusal, refusalReason } from '../../shared/attachments';
import { outboundChannelFor } from '../../shared/channels/outbound';
import type { Channel } from '../../shared/domain';
import type { DeskHandlers, ThreadMessage } from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import { reason } from '../../shared/reasons';
import { serializeMessageExtras } from '../../shared/messageExtras';
import { safeLinkHref } from '../../shared/text/markdown';
import type { DeskCore } from './core';
import type { ChangePayload, SendPayload } from './outbox/kinds';

type TimelineMethods =
  | 'message.send'
  | 'message.edit'
  | 'message.delete'
  | 'message.react'
  | 'attachment.stage'
  | 'attachment.chunk'
  | 'attachment.read'
  | 'link.open'
  | 'activity.typing'
  | 'activity.get';

const TYPING_TIMEOUT_MS = 3_000;

export function createTimelineHandlers(core: DeskCore): Pick<DeskHandlers, TimelineMethods> {
  const channelOf = (conversationId: string): Channel => {
    core.requireSession();
    const channel = core.guard(() => core.store.queries.channelOf(conversationId));
    if (channel === null) throw new DeskError('notFound', 'This conversation is not available.', reason('conversationUnavailable'));
    return channel as Channel;
  };
  const requireMessage = (messageId: string) => {
    core.requireSession();
    const message = core.guard(() => core.store.queries.message(messageId, core.inFlight));
    if (!message || message.seq === 0) throw new DeskError('notFound', 'This message is not available (yet).', reason('messageUnavailable'));
    return message;
  };
  const requireOwn = (message: ThreadMessage, what: string) => {
    if (message.authorAgentId !== core.selfId() || message.direction !== 'outbound' || message.kind === 'call') {
      throw new DeskError('rejected', `Only the author can ${what} this message.`, reason(what === 'delete' ? 'onlyAuthorDelete' : 'onlyAuthorEdit'));
    }
    if (message.deletedAt !== null) throw new DeskError('rejected', 'The message was deleted.', reason('messageDeleted'));
  };
  const enqueueChange = (message: ThreadMessage, change: ChangePayload['change']) => {
    const previous = { body: message.body, extra: serializeMessageExtras(message), revSeq: message.revSeq };
    const payload: ChangePayload = { conversationId: message.conversationId, messageId: message.id, change, previous };
    core.enqueue('message.change', message.conversationId, payload);
    return null;
  };

  return {
    'message.send': async (request) => {
      const { conversationId, body } = request;
      const kind = request.kind ?? 'text';
      const replyToId = request.replyToId ?? null;
      const attachmentIds = request.attachmentIds ?? [];
      const template = request.template ?? null;
      const channel = channelOf(conversationId);
      if (kind === 'note' && (attachmentIds.length > 0 || template !== null)) {
        throw new DeskError('invalid', 'Notes carry text only.', reason('notesTextOnly'));
      }
      const replyTo = replyToId === null ? null : core.guard(() => core.store.queries.replyExcerpt(replyToId, conversationId));
      if (replyToId !== null && !replyTo) throw new DeskError('notFound', 'The quoted message is not available.', reason('quotedUnavailable'));
      const attachments = core.guard(() => core.files.complete(attachmentIds, conversationId));
      const payload: SendPayload = {
        conversationId,
        body,
        kind,
        channel: (kind === 'note' ? channel : outboundChannelFor(channel)) as SendPayload['channel'],
        replyToId,
        replyTo,
        attachments,
        template,
      };
      const entry = core.enqueue('message.send', conversationId, payload);
      // Sent: the draft is gone, also from the inbox row.
      if (core.guard(() => core.store.drafts.clear(conversationId))) core.changed({ ...emptySummary(), inbox: true });
      const message: ThreadMessage | null = core.guard(() => core.store.queries.message(entry.id, core.inFlight));
      if (!message) throw new DeskError('internal', 'The message was queued but cannot be shown.');
      return message;
    },

    'message.edit': async ({ messageId, body }) => {
      const message = requireMessage(messageId);
      requireOwn(message, 'edit');
      return enqueueChange(message, { type: 'edit', body });
    },
    'message.delete': async ({ messageId }) => {
      const message = requireMessage(messageId);
      requireOwn(message, 'delete');
      return enqueueChange(message, { type: 'delete' });
    },
    'message.react': async ({ messageId, emoji, on }) => {
      const message = requireMessage(messageId);
      if (message.deletedAt !== null) throw new DeskError('rejected', 'The message was deleted.', reason('messageDeleted'));
      return enqueueChange(message, { type: 'react', emoji, on });
    },

    'attachment.stage': async ({ conversationId, name, mimeType, size }) => {
      const channel = channelOf(conversationId);
      const check = checkAttachment({ name, mimeType, size }, outboundChannelFor(channel));
      if (!check.ok) throw new DeskError('invalid', describeRefusal(check.refusal), refusalReason(check.refusal));
      const attachmentId = uuidv7();
      core.guard(() => core.files.begin({ id: attachmentId, name, mimeType: check.type.mimeType, size, kind: check.type.kind }, conversationId));
      return { attachmentId };
    },
    'attachment.chunk': async ({ attachmentId, index, data }) => {
      core.requireSession();
      return { received: core.files.append(attachmentId, index, data) };
    },
    'attachment.read': async ({ attachmentId, index }) => {
      core.requireSession();
      const local = core.files.readChunk(attachmentId, index);
      if (local) return local;
      await core.fetchAttachment(attachmentId);
      const fetched = core.files.readChunk(attachmentId, index);
      if (!fetched) throw new DeskError('notFound', 'This file is not available.', reason('fileUnavailable'));
      return fetched;
    },

    'link.open': async ({ url }) => {
      const safe = safeLinkHref(url);
      if (!safe) throw new DeskError('invalid', 'Only web (http, https) and email (mailto) links can be opened.', reason('linkNotAllowed'));
      const open = core.config.openExternal;
      if (!open) throw new DeskError('unsupported', 'This window opens links itself.');
      await open(safe);
      return null;
    },

    'activity.typing': async ({ conversationId, typing }) => {
      channelOf(conversationId);
      const transport = core.transport;
      // Typing is a hint, not work: offline it is dropped, never queued.
      if (!transport?.connected) return null;
      transport.request('activity.typing', { conversationId, typing }, TYPING_TIMEOUT_MS).catch(() => undefined);
      return null;
    },
    'activity.get': async ({ conversationId }) => {
      core.requireSession();
      const detail = core.guard(() => core.store.queries.detail(conversationId));
      if (!detail) throw new DeskError('notFound', 'This conversation is not available.', reason('conversationUnavailable'));
      core.activity.watch(conversationId, detail.contact.id);
      const self = core.selfId();
      const typing = core.activity.typingIn(conversationId, self).map((agentId) => ({
        agentId,
        name: agentId === null ? detail.contact.name : (core.guard(() => core.store.queries.agentName(agentId)) ?? ''),
      }));
      return { customerOnline: core.activity.isOnline(detail.contact.id), typing };
    },
  };
}
