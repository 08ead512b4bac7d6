import { describe, expect, it } from 'vitest';
import { messageSchema } from '../../shared/domain';
import { snapshotPageSchema } from '../../shared/protocol';
import { loadConfig } from './config';
import { BIG_THREAD_INDEX, planDataset, snapshotPage } from './dataset';
import { EventStream } from './eventStream';

const cfg = loadConfig({ BENCH_SCALE: '0.01' });

describe('dataset', () => {
  it('has exactly the configured sizes, with the long thread first', () => {
    const plan = planDataset(cfg);
    expect(plan.totalMessages).toBe(cfg.messages);
    expect(plan.counts.length).toBe(cfg.conversations);
    expect(plan.counts[BIG_THREAD_INDEX]).toBe(cfg.bigThread);
    expect(Math.min(...plan.counts)).toBeGreaterThanOrEqual(1);
  });

  it('generates valid, identical pages on every call', () => {
    const plan = planDataset(cfg);
    const page = snapshotPage(plan, 1);
    expect(snapshotPageSchema.safeParse(page).success).toBe(true);
    expect(snapshotPage(planDataset(cfg), 1)).toEqual(page);
    expect(page.messages.every((m) => m.seq <= plan.atSeq)).toBe(true);
    expect(new Set(page.messages.map((m) => m.id)).size).toBe(page.messages.length);
  });

  it('streams contiguous events after the snapshot', () => {
    const plan = planDataset(cfg);
    const events = new EventStream(plan, plan.atSeq, 'test').take(500);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => plan.atSeq + 1 + i));
    for (const e of events) if (e.type === 'message.created') expect(messageSchema.safeParse(e.message).success).toBe(true);
  });
});
