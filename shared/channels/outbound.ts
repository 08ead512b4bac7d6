// Which channel carries an agent's reply in a conversation: the conversation's own, except that
// voice calls are answered by SMS.
import type { Channel } from '../domain';

export type OutboundChannel = Exclude<Channel, 'voice'>;

export function outboundChannelFor(conversationChannel: Channel): OutboundChannel {
  return conversationChannel === 'voice' ? 'sms' : conversationChannel;
}
