// Hand-written demo conversations that show the timeline's features at a glance: a WhatsApp chat
// whose 24-hour window has closed (so only templates can be sent), with an automated greeting, a
// formatted reply, a quote, reactions and an internal note.
import { type Agent, type Contact, type Conversation, type Message, plainMessageFields } from '../../shared/domain';
import { systemLine } from '../workflow/systemLines';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Draft = Omit<Message, 'seq' | 'statusSeq' | 'conversationId'>;

/** How many conversations showcaseConversations() returns (all assigned to the given agent). */
export const SHOWCASE_CONVERSATIONS = 1;

export interface ShowcaseConversation {
  conversation: Conversation;
  drafts: Draft[];
  agent: Agent;
}

export function showcaseConversations(input: {
  now: number;
  id: (msecs: number) => string;
  agent: Agent;
  contact: Contact;
  queueId: string;
}): ShowcaseConversation[] {
  const { now, id, agent, contact, queueId } = input;
  const at = (ago: number) => now - ago;
  const base = { clientId: null, channel: 'whatsapp' as const, call: null, ...plainMessageFields() };
  const customer = (ago: number, body: string): Draft => ({ ...base, id: id(at(ago)), direction: 'inbound', kind: 'text', authorAgentId: null, body, createdAt: at(ago), status: null });
  const question = customer(27 * HOUR, 'Hi! Is the blue rain jacket from the autumn collection back in stock in size M?');
  const reply: Draft = {
    ...base,
    id: id(at(26.5 * HOUR)),
    direction: 'outbound',
    kind: 'text',
    authorAgentId: agent.id,
    body: 'Hi! Not yet, we expect it **next week**. You can check the *size guide* meanwhile: https://example.com/size-guide',
    createdAt: at(26.5 * HOUR),
    status: 'read',
    replyTo: { messageId: question.id, direction: 'inbound', authorAgentId: null, excerpt: question.body.slice(0, 140) },
  };
  const drafts: Draft[] = [
    question,
    {
      ...base,
      id: id(at(27 * HOUR - 5_000)),
      direction: 'outbound',
      kind: 'text',
      authorAgentId: null,
      body: 'Thanks for writing to Acme! An agent will answer you shortly.',
      createdAt: at(27 * HOUR - 5_000),
      status: 'read',
      automated: true,
    },
    {
      ...base,
      id: id(at(26.6 * HOUR)),
      direction: 'system',
      kind: 'text',
      authorAgentId: null,
      ...systemLine('accepted', { agent: agent.name }),
      createdAt: at(26.6 * HOUR),
      status: null,
    },
    reply,
    { ...customer(26 * HOUR, 'Great, thank you! 👍'), reactions: [{ emoji: '❤️', agentId: agent.id }] },
    {
      ...base,
      id: id(at(HOUR)),
      direction: 'outbound',
      kind: 'note',
      authorAgentId: agent.id,
      body: 'Stock arrived today. The 24-hour window has closed: send the *Order update* template.',
      createdAt: at(HOUR),
      status: null,
    },
  ];
  const createdAt = question.createdAt;
  return [
    {
      agent,
      drafts,
      conversation: {
        id: id(createdAt),
        contactId: contact.id,
        channel: 'whatsapp',
        status: 'active',
        queueId,
        assigneeId: agent.id,
        subject: null,
        createdAt,
        lastMessageAt: createdAt,
        lastMessagePreview: '',
        lastMessageDirection: null,
        lastInboundAt: null,
        waitingSince: null,
        tags: [],
        labels: [],
        previousConversationId: null,
        closureReason: null,
        seq: 0,
      },
    },
  ];
}
