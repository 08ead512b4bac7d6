// Customer traffic through the real webhook endpoint: each call is one inbound SMS, which the
// server turns into 2–3 change events (contact for a new number, message, conversation).
import type { Backend } from '../backend';

let counter = 0;

/** A phone number no demo contact uses, unique within this test process. */
export function newPhone(tag: number): string {
  counter++;
  return `+1 555 ${String(tag % 1000).padStart(3, '0')} ${String(counter).padStart(4, '0')}`;
}

/** Posts one inbound SMS; `externalId` repeats model a carrier retry. Throws unless stored. */
export async function customerSms(backend: Backend, from: string, text: string, externalId: string): Promise<{ conversationId: string; duplicate: boolean }> {
  const answer = await backend.webhook('sms', { externalId, from, text });
  if (answer.status !== 200) throw new Error(`Webhook answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  return answer.json as { conversationId: string; duplicate: boolean };
}

/** `count` messages from `senders` new customers, in turn; returns the conversations they landed in. */
export async function customerBurst(backend: Backend, count: number, senders: number, tag: string): Promise<string[]> {
  const phones = Array.from({ length: senders }, (_, i) => newPhone(i));
  const conversations = new Set<string>();
  for (let i = 0; i < count; i++) {
    const { conversationId } = await customerSms(backend, phones[i % senders] as string, `${tag} message ${i}`, `${tag}-${i}`);
    conversations.add(conversationId);
  }
  return [...conversations];
}
