import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../shared/protocol';
import { eventBatch, parseEventBatch } from '../cache/eventBatch';
import { CatchUpBatches } from './catchUpBatches';
import { EVENTS_PER_TURN } from './turns';

const ev = (seq: number): ChangeEvent => ({ seq, type: 'conversation.read', conversationId: 'c1', agentId: 'a1', readSeq: seq });
const run = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ev(from + i));

/** A writer whose writes finish only when the test says so; `log` records hand-overs and follow-ups. */
function gatedWriter() {
  const writes: Array<{ seqs: number[]; text: string; commit(): void; fail(error: Error): void }> = [];
  const log: string[] = [];
  const write = (events: ChangeEvent[], text: string) =>
    new Promise<() => void>((resolve, reject) => {
      const seqs = events.map((e) => e.seq);
      log.push(`write ${seqs.join(',')}`);
      writes.push({ seqs, text, commit: () => resolve(() => log.push(`after ${seqs.join(',')}`)), fail: reject });
    });
  return { writes, write, log };
}

const never = () => null;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CatchUpBatches', () => {
  it('hands the first events over at once and joins what arrives during a write into the next batch', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 100, never);
    await batches.add(run(1, 2));
    expect(writes.map((w) => w.seqs)).toEqual([[1, 2]]);
    await batches.add(run(3, 4));
    await batches.add(run(5, 6));
    expect(writes).toHaveLength(1);
    // The waiting events go to the writer as soon as the first batch has committed.
    writes[0]?.commit();
    await turn();
    expect(writes.map((w) => w.seqs)).toEqual([[1, 2], [3, 4, 5, 6]]);
    const finished = batches.finish();
    writes[1]?.commit();
    await finished;
    expect(writes).toHaveLength(2);
  });

  it('makes the text of many events a slice per turn of the event loop, so other work runs in between', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 100_000, never);
    let turns = 0;
    let adding = true;
    const count = () => {
      turns++;
      if (adding) setImmediate(count);
    };
    setImmediate(count);
    await batches.add(run(1, 3 * EVENTS_PER_TURN));
    adding = false;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(writes.map((w) => w.seqs.length)).toEqual([3 * EVENTS_PER_TURN]);
    expect(parseEventBatch(writes[0]?.text ?? '')).toEqual(eventBatch(run(1, 3 * EVENTS_PER_TURN)));
  });

  it('hands nothing over that was added while a failing write failed', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 100_000, never);
    await batches.add(run(1, 2));
    const adding = batches.add(run(3, 2 + 2 * EVENTS_PER_TURN));
    writes[0]?.fail(new Error('disk full'));
    await expect(adding).rejects.toThrow('disk full');
    expect(writes).toHaveLength(1);
  });

  it('makes the caller wait once the limit of waiting events is reached', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 4, never);
    await batches.add(run(1, 2));
    await batches.add(run(3, 4));
    let returned = false;
    const adding = batches.add(run(5, 6)).then(() => (returned = true));
    await turn();
    expect(returned).toBe(false);
    writes[0]?.commit();
    await adding;
    expect(writes.map((w) => w.seqs)).toEqual([[1, 2], [3, 4, 5, 6]]);
  });

  it('hands nothing more over after a failed write and reports the failure', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 100, never);
    await batches.add(run(1, 2));
    await batches.add(run(3, 4));
    writes[0]?.fail(new Error('disk full'));
    await turn();
    await expect(batches.add(run(5, 6))).rejects.toThrow('disk full');
    await expect(batches.finish()).rejects.toThrow('disk full');
    expect(writes).toHaveLength(1);
  });

  it('reports a failed write rather than whatever else ended the loop, once no write is running', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 100, never);
    await batches.add(run(1, 2));
    const failure = batches.failureAfter(new Error('disconnected'));
    writes[0]?.fail(new Error('database disk image is malformed'));
    await expect(failure).resolves.toMatchObject({ message: 'database disk image is malformed' });

    const quiet = new CatchUpBatches(gatedWriter().write, 100, never);
    await expect(quiet.failureAfter(new Error('disconnected'))).resolves.toMatchObject({ message: 'disconnected' });
  });

  it('hands nothing more over once stopped, not even what waited for the write in progress', async () => {
    const { writes, write } = gatedWriter();
    let stopped: Error | null = null;
    const batches = new CatchUpBatches(write, 100, () => stopped);
    await batches.add(run(1, 2));
    await batches.add(run(3, 4));
    stopped = new Error('disconnected');
    writes[0]?.commit();
    await expect(batches.finish()).rejects.toThrow('disconnected');
    await expect(batches.add(run(5, 6))).rejects.toThrow('disconnected');
    expect(writes.map((w) => w.seqs)).toEqual([[1, 2]]);
  });

  it('hands the next batch over before the follow-up of the one that committed, and as the batch text of its pages', async () => {
    const { writes, write, log } = gatedWriter();
    const batches = new CatchUpBatches(write, 100, never);
    await batches.add(run(1, 2));
    await batches.add(run(3, 4));
    await batches.add(run(5, 6));
    writes[0]?.commit();
    await turn();
    // The writer gets the next batch before the change notice and notifications of the last one.
    expect(log).toEqual(['write 1,2', 'write 3,4,5,6', 'after 1,2']);
    expect(parseEventBatch(writes[1]?.text ?? '')).toEqual(eventBatch(run(3, 6)));
    const finished = batches.finish();
    writes[1]?.commit();
    await finished;
    expect(log).toEqual(['write 1,2', 'write 3,4,5,6', 'after 1,2', 'after 3,4,5,6']);
  });

  it('reports a follow-up that failed, and hands nothing more over after it', async () => {
    const log: string[] = [];
    const write = (events: ChangeEvent[]) => {
      log.push(`write ${events.map((e) => e.seq).join(',')}`);
      return Promise.resolve(() => {
        throw new Error('notice failed');
      });
    };
    const batches = new CatchUpBatches(write, 100, never);
    await batches.add(run(1, 2));
    await turn();
    await expect(batches.add(run(3, 4))).rejects.toThrow('notice failed');
    await expect(batches.finish()).rejects.toThrow('notice failed');
    expect(log).toEqual(['write 1,2']);
  });

  it('ignores an empty page', async () => {
    const { writes, write } = gatedWriter();
    const batches = new CatchUpBatches(write, 100, never);
    await batches.add([]);
    await batches.finish();
    expect(writes).toHaveLength(0);
  });
});
