// The snapshot cursor is self-contained (base64url JSON), so paging survives a server restart and
// any node can serve the next page. Input is untrusted: it is validated like any request field.
import { z } from 'zod';

const cursorSchema = z.object({
  v: z.literal(1),
  /** Head seq when the snapshot started. */
  atSeq: z.number().int().nonnegative(),
  /** Window start (epoch ms), fixed at the start so pages agree on membership. */
  since: z.number().int(),
  total: z.number().int().nonnegative(),
  /** Keyset position: the last conversation id returned (pages go by id, descending). */
  afterId: z.string().min(1).max(100),
});
export type SnapshotCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: SnapshotCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): SnapshotCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
