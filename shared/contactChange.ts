// Changes agents make to a contact's profile, as one pure function: the backend applies them for
// real, the core applies unsent ones over the cached profile so the panel shows them at once.
import { z } from 'zod';
import { attributeNameSchema, type ContactProfile } from './domain';

export const profileChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setAttributes'), attributes: z.record(attributeNameSchema, z.string().trim().max(500).nullable()) }),
  z.object({ op: z.literal('givePoints'), points: z.number().int().min(1).max(100_000), reason: z.string().trim().min(1).max(200) }),
  z.object({ op: z.literal('addNote'), body: z.string().trim().min(1).max(5_000) }),
]);
export type ProfileChange = z.infer<typeof profileChangeSchema>;

export const MAX_ATTRIBUTES = 50;
const MAX_NOTES = 500;

export interface ChangeContext {
  now: number;
  agentId: string;
  /** Id of a note the change adds. */
  noteId: string;
}

/** The profile after the change. Throws a RangeError when it would exceed the attribute limit. */
export function applyProfileChange(profile: ContactProfile, change: ProfileChange, ctx: ChangeContext): ContactProfile {
  const note = (body: string) => [...profile.notes, { id: ctx.noteId, body, authorAgentId: ctx.agentId, createdAt: ctx.now }].slice(-MAX_NOTES);
  switch (change.op) {
    case 'setAttributes': {
      const attributes = { ...profile.attributes };
      for (const [name, value] of Object.entries(change.attributes)) {
        if (value === null || value.trim() === '') delete attributes[name];
        else attributes[name] = value;
      }
      if (Object.keys(attributes).length > MAX_ATTRIBUTES) throw new RangeError(`attributes: at most ${MAX_ATTRIBUTES} per contact.`);
      return { ...profile, attributes };
    }
    case 'givePoints':
      return {
        ...profile,
        loyalty: { points: (profile.loyalty?.points ?? 0) + change.points, tier: profile.loyalty?.tier ?? null },
        // The reason stays on record next to the other notes.
        notes: note(`+${change.points} points: ${change.reason}`),
      };
    case 'addNote':
      return { ...profile, notes: note(change.body) };
  }
}
