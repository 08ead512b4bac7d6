// Validation of what the server sends, event by event: a malformed event is reported and never
// stored, and nothing after it is applied (it would advance the cursor past data not stored).
import { z } from 'zod';
import { changeEventSchema, socketRequests, type ChangeEvent, type SnapshotPage } from '../../../shared/protocol';
import { inSlices } from './turns';

export class MalformedPayloadError extends Error {
  constructor(what: string, detail: string) {
    super(`The server sent ${what} the app could not read: ${detail}`);
    this.name = 'MalformedPayloadError';
  }

  /** The same error as another thread reported it, its message already composed. */
  static withMessage(message: string): MalformedPayloadError {
    const e = new MalformedPayloadError('', '');
    e.message = message;
    return e;
  }
}

const describe = (error: z.ZodError) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'malformed';
};

/** Parses events one by one; returns the valid ones and the first problem, if any. */
export function parseEvents(raw: readonly unknown[]): { events: ChangeEvent[]; problems: string[] } {
  const events: ChangeEvent[] = [];
  const problems: string[] = [];
  for (const item of raw) {
    const parsed = changeEventSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else {
      const seq = (item as { seq?: unknown } | null)?.seq;
      problems.push(`event seq ${String(seq)}: ${describe(parsed.error)}`);
    }
  }
  return { events, problems };
}

const pullEnvelope = z.discriminatedUnion('mustRefetch', [
  z.object({
    mustRefetch: z.literal(false),
    events: z.array(z.unknown()),
    head: z.number().int().nonnegative(),
    hasMore: z.boolean(),
  }),
  z.object({ mustRefetch: z.literal(true), head: z.number().int().nonnegative() }),
]);

export type PullResult =
  | { mustRefetch: false; events: ChangeEvent[]; problems: string[]; head: number; hasMore: boolean }
  | { mustRefetch: true; head: number };

/** A pull page, its events validated EVENTS_PER_TURN at a time, each slice on its own turn of the event loop. */
export async function parsePull(value: unknown): Promise<PullResult> {
  const envelope = pullEnvelope.safeParse(value);
  if (!envelope.success) throw new MalformedPayloadError('a sync page', describe(envelope.error));
  if (envelope.data.mustRefetch) return envelope.data;
  const parsed: { events: ChangeEvent[]; problems: string[] } = { events: [], problems: [] };
  await inSlices(envelope.data.events, (slice) => {
    const { events, problems } = parseEvents(slice);
    parsed.events.push(...events);
    parsed.problems.push(...problems);
  });
  return { ...envelope.data, ...parsed };
}

export function parseSnapshotPage(value: unknown): SnapshotPage {
  const parsed = socketRequests['sync.snapshot'].response.safeParse(value);
  if (!parsed.success) throw new MalformedPayloadError('a snapshot page', describe(parsed.error));
  return parsed.data;
}

const pushEnvelope = z.object({ events: z.array(z.unknown()) });

/** A live push; `problems` lists events that were skipped (the gap they leave triggers a pull). */
export function parsePush(value: unknown): { events: ChangeEvent[]; problems: string[] } {
  const envelope = pushEnvelope.safeParse(value);
  if (!envelope.success) return { events: [], problems: [`push: ${describe(envelope.error)}`] };
  return parseEvents(envelope.data.events);
}
