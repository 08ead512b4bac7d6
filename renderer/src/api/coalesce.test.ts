import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce';

describe('coalesce', () => {
  it('runs every callback scheduled before its turn in one task, in order, and later ones in the next', () => {
    const tasks: Array<() => void> = [];
    const schedule = coalesce((run) => tasks.push(run), (error) => {
      throw error;
    });
    const ran: string[] = [];
    schedule(() => ran.push('a'));
    schedule(() => {
      ran.push('b');
      // Scheduled while the batch runs: waits for a task of its own.
      schedule(() => ran.push('d'));
    });
    schedule(() => ran.push('c'));
    expect(tasks).toHaveLength(1);
    expect(ran).toEqual([]);
    tasks.shift()!();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
    expect(tasks).toHaveLength(0);
  });

  it('runs the rest of a batch when one callback throws, and reports the error', () => {
    const tasks: Array<() => void> = [];
    const errors: unknown[] = [];
    const schedule = coalesce((run) => tasks.push(run), (error) => errors.push(error));
    const ran: string[] = [];
    schedule(() => {
      throw new Error('listener failed');
    });
    schedule(() => ran.push('after'));
    tasks.shift()!();
    expect(ran).toEqual(['after']);
    expect(errors).toEqual([new Error('listener failed')]);
  });
});
