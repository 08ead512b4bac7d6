// canned.save / canned.delete: team canned messages need the supervisor role; personal ones belong
// to their author alone.
import type { Kysely } from 'kysely';
import type { CannedMessage } from '../../shared/domain';
import type { ChangeEvent, SocketResponse } from '../../shared/protocol';
import type { ParsedRequest } from '../socket/handlers';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { cannedIdTaken, deleteCanned, getCanned, saveCanned, shortcutTaken } from '../store/canned';
import { agentRole, type Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import type { Writer } from '../sync/writer';
import { priorResult } from './idempotent';

interface Deps {
  db: Kysely<DB>;
  writer: Writer;
}

async function requireMayEdit(trx: Kysely<DB>, session: Session, canned: Pick<CannedMessage, 'scope' | 'ownerAgentId'>): Promise<void> {
  if (canned.scope === 'personal') {
    if (canned.ownerAgentId !== session.agentId) throw new ProtocolFailure('notFound', 'Canned message not found.');
    return;
  }
  if ((await agentRole(trx, session.tenantId, session.agentId)) !== 'supervisor') {
    throw new ProtocolFailure('forbidden', 'Only supervisors may change the team’s canned messages.', reason('cannedSupervisorsOnly'));
  }
}

export async function saveCannedMessage(deps: Deps, session: Session, request: ParsedRequest<'canned.save'>): Promise<SocketResponse<'canned.save'>> {
  const { tenantId, agentId } = session;
  return deps.writer.run(tenantId, async ({ trx, changes, now }) => {
    const earlier = await priorResult<SocketResponse<'canned.save'>>(trx, tenantId, request.clientId, 'canned.save');
    if (earlier) return earlier;
    const input = request.canned;
    const existing = input.id === null ? null : await getCanned(trx, tenantId, input.id);
    if (input.id !== null && !existing) throw new ProtocolFailure('notFound', 'Canned message not found.');
    if (existing) await requireMayEdit(trx, session, existing);
    // A new canned message takes the client's id, so a client that created it offline can edit
    // or delete it before this answer arrives.
    if (!existing && (await cannedIdTaken(trx, request.clientId))) throw new ProtocolFailure('conflict', 'This canned message id is already taken.');
    const ownerAgentId = input.scope === 'personal' ? (existing?.scope === 'personal' ? existing.ownerAgentId : agentId) : null;
    const canned: CannedMessage = {
      id: existing?.id ?? request.clientId,
      scope: input.scope,
      ownerAgentId,
      title: input.title,
      shortcut: input.shortcut,
      category: input.category,
      body: input.body,
      updatedAt: now,
      seq: 0,
    };
    await requireMayEdit(trx, session, canned);
    if (await shortcutTaken(trx, tenantId, agentId, canned.shortcut, canned.id)) {
      throw new ProtocolFailure('conflict', `The shortcut /${canned.shortcut} is already used.`, reason('shortcutTaken', { shortcut: canned.shortcut }));
    }
    canned.seq = await changes.nextSeq();
    await saveCanned(trx, tenantId, canned);
    await changes.record({ seq: canned.seq, type: 'canned.upserted', canned });
    const result = { canned };
    await saveResult(trx, { tenantId, clientId: request.clientId, agentId, operation: 'canned.save', result, now });
    return result;
  });
}

export async function deleteCannedMessage(deps: Deps, session: Session, request: ParsedRequest<'canned.delete'>): Promise<SocketResponse<'canned.delete'>> {
  const { tenantId, agentId } = session;
  return deps.writer.run(tenantId, async ({ trx, changes, now }) => {
    const earlier = await priorResult<SocketResponse<'canned.delete'>>(trx, tenantId, request.clientId, 'canned.delete');
    if (earlier) return earlier;
    const existing = await getCanned(trx, tenantId, request.id);
    if (!existing) throw new ProtocolFailure('notFound', 'Canned message not found.');
    await requireMayEdit(trx, session, existing);
    await deleteCanned(trx, tenantId, existing.id);
    await changes.record({ seq: await changes.nextSeq(), type: 'canned.deleted', id: existing.id });
    const result = { id: existing.id };
    await saveResult(trx, { tenantId, clientId: request.clientId, agentId, operation: 'canned.delete', result, now });
    return result;
  });
}

/** What an agent may see of a change: another agent's personal canned message is hidden. */
export function visibleTo(event: ChangeEvent, agentId: string): ChangeEvent {
  if (event.type === 'canned.upserted' && event.canned.scope === 'personal' && event.canned.ownerAgentId !== agentId) {
    return { seq: event.seq, type: 'hidden' };
  }
  return event;
}
