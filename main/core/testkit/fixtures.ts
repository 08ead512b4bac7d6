// Builders for domain rows and change events in core tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Contact, type Conversation, beforeFirstMessage, type Message, plainMessageFields } from '../../../shared/domain';
import type { ChangeEvent, SnapshotPage } from '../../../shared/protocol';
import { openDatabase } from '../db/open';
import type { Logger } from '../ports';
import { Store } from '../store';

export const SELF = 'agent-1';

export const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const tempDirs = new Set<string>();

/** Removes every directory made by tempDir(); call from afterAll once the cores are stopped. */
export function removeTempDirs(): void {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** A data directory for one test; see removeTempDirs(). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-core-'));
  tempDirs.add(dir);
  return dir;
}

export function openStore(dir = tempDir()): Store {
  const cacheFile = path.join(dir, 'cache.sqlite');
  return new Store(openDatabase({ cacheFile, outboxFile: path.join(dir, 'outbox.sqlite') }), cacheFile, quietLog);
}

export const contact = (id: string, seq = 1, name = `Contact ${id}`): Contact => ({
  id,
  name,
  phone: '+100',
  email: null,
  createdAt: 1,
  seq,
});

export const conversation = (id: string, over: Partial<Conversation> = {}): Conversation => ({
  id,
  contactId: `k-${id}`,
  channel: 'sms',
  status: 'active',
  queueId: 'q1',
  assigneeId: SELF,
  subject: null,
  createdAt: 1,
  lastMessageAt: 1,
  ...beforeFirstMessage(),
  previousConversationId: null,
  seq: 1,
  ...over,
});

export const message = (id: string, conversationId: string, seq: number, over: Partial<Message> = {}): Message => ({
  id,
  clientId: null,
  conversationId,
  seq,
  direction: 'inbound',
  kind: 'text',
  channel: 'sms',
  authorAgentId: null,
  body: `body ${id}`,
  createdAt: seq,
  status: null,
  statusSeq: seq,
  call: null,
  ...plainMessageFields(),
  ...over,
});

export const created = (m: Message): ChangeEvent => ({ seq: m.seq, type: 'message.created', message: m });

export const upserted = (c: Conversation): ChangeEvent => ({ seq: c.seq, type: 'conversation.upserted', conversation: c });

export function snapshotPage(over: Partial<SnapshotPage>): SnapshotPage {
  return {
    atSeq: 0,
    agents: [{ id: SELF, name: 'Alex', email: 'alex@acme.test', status: 'available', capacity: 5, queueIds: ['q1'], seq: 0 }],
    queues: [{ id: 'q1', name: 'General', routing: 'manual' }],
    workflow: { closureReasons: ['Solved'], tags: ['vip'] },
    pins: [],
    conversations: [],
    contacts: [],
    messages: [],
    reads: [],
    totalConversations: 0,
    nextCursor: null,
    ...over,
  };
}
