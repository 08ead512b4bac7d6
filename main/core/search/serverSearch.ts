// "Search all history on the server": the backend's own full-text search, beyond the cache. The
// hits' conversations and contacts are stored (last writer wins, so nothing newer is overwritten)
// so that a hit outside the cache opens like any conversation and loads its history on demand.
import type { ParsedRequestOf, SearchMessageHit } from '../../../shared/ipc/contract';
import { DeskError } from '../../../shared/ipc/result';
import { reason } from '../../../shared/reasons';
import { socketRequests } from '../../../shared/protocol';
import { createMatcher, snippet } from '../../../shared/search/highlight';
import { parseQuery } from '../../../shared/search/query';
import { emptySummary } from '../cache/apply';
import type { DeskCore } from '../core';

const SEARCH_TIMEOUT_MS = 15_000;

export async function searchServer(core: DeskCore, request: ParsedRequestOf<'search.server'>): Promise<{ messages: SearchMessageHit[] }> {
  core.requireSession();
  const query = parseQuery(request.query);
  if (query.terms.length === 0) return { messages: [] };
  let transport;
  try {
    transport = core.requireOnline();
  } catch {
    throw new DeskError('unreachable', 'Searching the server needs a connection.', reason('searchOffline'));
  }
  let raw: unknown;
  try {
    raw = await transport.request('search.messages', request, SEARCH_TIMEOUT_MS);
  } catch (e) {
    throw new DeskError('unreachable', `The server search failed: ${e instanceof Error ? e.message : String(e)}`, reason('searchFailed'));
  }
  const parsed = socketRequests['search.messages'].response.safeParse(raw);
  if (!parsed.success) {
    core.log.error('Malformed search response', { error: parsed.error.message });
    throw new DeskError('internal', 'The server sent search results the app could not read.', reason('searchFailed'));
  }
  const { hits } = parsed.data;
  const summary = emptySummary();
  core.guard(() =>
    core.store.tx(() => {
      for (const hit of hits) {
        if (hit.contact && core.store.applier.upsertContact(hit.contact)) summary.inbox = true;
        if (core.store.applier.upsertConversation(hit.conversation)) {
          summary.inbox = true;
          summary.conversationIds.add(hit.conversation.id);
        }
      }
    }),
  );
  if (summary.inbox) core.changed(summary);
  const matcher = createMatcher(query);
  return {
    messages: hits.map(({ message: m, conversation, contact }) => ({
      messageId: m.id,
      conversationId: m.conversationId,
      seq: m.seq,
      contactName: contact?.name ?? '',
      channel: conversation.channel,
      direction: m.direction,
      kind: m.kind,
      createdAt: m.createdAt,
      snippet: snippet(m.body, matcher),
      source: 'server',
      event: m.direction === 'system' ? m.event : null,
    })),
  };
}
