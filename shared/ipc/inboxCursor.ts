// Where an inbox page ends in the order of its view and sort: the sort key of its last row, so the
// next page starts right after it with an index seek however deep it is (keyset paging), where an
// OFFSET walked every row before it. Opaque to callers: they pass back a page's `next` unchanged.
import { z } from 'zod';
import { parseJsonAs } from '../parseJson';

export interface InboxCursor {
  /** The stretch of the order the row is in: pinned rows first, then the view's rows in parts. */
  stretch: number;
  /** The row's sort key within its stretch, before the id (timestamps, a waiting flag). */
  key: number[];
  /** The conversation id: it makes every key unique, so rows with equal times are neither skipped nor repeated. */
  id: string;
}

const MAX_CURSOR_LENGTH = 300;

const decodedSchema = z.tuple([
  z.number().int().min(0).max(9),
  z.array(z.number().int()).min(1).max(3),
  z.string().min(1).max(100),
]);

export function encodeInboxCursor(cursor: InboxCursor): string {
  return JSON.stringify([cursor.stretch, cursor.key, cursor.id]);
}

export const inboxCursorSchema = z
  .string()
  .max(MAX_CURSOR_LENGTH)
  .transform((text, ctx): InboxCursor => {
    const decoded = parseJsonAs(decodedSchema, text);
    if (decoded === null) {
      ctx.addIssue({ code: 'custom', message: 'not an inbox cursor; pass the `next` of a previous page unchanged' });
      return z.NEVER;
    }
    const [stretch, key, id] = decoded;
    return { stretch, key, id };
  });
