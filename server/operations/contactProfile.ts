// Changes agents make to a contact's profile: custom attributes, loyalty points, contact notes.
// Each is one change event (contact.upserted with the whole profile), idempotent by client id.
import type { Kysely } from 'kysely';
import { type Contact, type ContactProfile, EMPTY_PROFILE } from '../../shared/domain';
import { applyProfileChange, type ProfileChange } from '../../shared/contactChange';
import type { SocketResponse } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { getContact, saveContactProfile } from '../store/contacts';
import type { Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import type { ParsedRequest } from '../socket/handlers';
import type { Writer } from '../sync/writer';
import { priorResult } from './idempotent';

interface Deps {
  db: Kysely<DB>;
  writer: Writer;
  newId: () => string;
}

type ContactResult = { contact: Contact };

async function changeProfile(deps: Deps, session: Session, operation: string, request: { clientId: string; contactId: string }, change: ProfileChange): Promise<ContactResult> {
  const { tenantId, agentId } = session;
  return deps.writer.run(tenantId, async ({ trx, changes, now }) => {
    const earlier = await priorResult<ContactResult>(trx, tenantId, request.clientId, operation);
    if (earlier) return earlier;
    const current = await getContact(trx, tenantId, request.contactId);
    if (!current) throw new ProtocolFailure('notFound', `Contact ${request.contactId} not found.`, reason('contactUnavailable'));
    let profile: ContactProfile;
    try {
      profile = applyProfileChange(current.profile ?? EMPTY_PROFILE, change, { now, agentId, noteId: deps.newId() });
    } catch (e) {
      if (e instanceof RangeError) throw new ProtocolFailure('invalid', e.message);
      throw e;
    }
    const contact: Contact = { ...current, profile, seq: await changes.nextSeq() };
    await saveContactProfile(trx, tenantId, contact);
    await changes.record({ seq: contact.seq, type: 'contact.upserted', contact });
    const result = { contact };
    await saveResult(trx, { tenantId, clientId: request.clientId, agentId, operation, result, now });
    return result;
  });
}

export function setAttributes(deps: Deps, session: Session, request: ParsedRequest<'contact.setAttributes'>): Promise<SocketResponse<'contact.setAttributes'>> {
  return changeProfile(deps, session, 'contact.setAttributes', request, { op: 'setAttributes', attributes: request.attributes });
}

export function givePoints(deps: Deps, session: Session, request: ParsedRequest<'contact.givePoints'>): Promise<SocketResponse<'contact.givePoints'>> {
  return changeProfile(deps, session, 'contact.givePoints', request, { op: 'givePoints', points: request.points, reason: request.reason });
}

export function addNote(deps: Deps, session: Session, request: ParsedRequest<'contact.addNote'>): Promise<SocketResponse<'contact.addNote'>> {
  return changeProfile(deps, session, 'contact.addNote', request, { op: 'addNote', body: request.body });
}
