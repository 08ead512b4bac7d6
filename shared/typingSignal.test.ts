import { describe, expect, it } from 'vitest';
import { createTypingSignal, TYPING_RENEW_MS } from './typingSignal';

describe('typing signal', () => {
  it('announces a start once, renews it while typing goes on, and stops on clear', () => {
    const sent: boolean[] = [];
    let now = 1_000;
    const signal = createTypingSignal((typing) => sent.push(typing), () => now);
    signal.changed('H');
    signal.changed('He');
    expect(sent).toEqual([true]);
    now += TYPING_RENEW_MS + 1;
    signal.changed('Hel');
    expect(sent).toEqual([true, true]);
    signal.changed('  ');
    signal.stop();
    expect(sent).toEqual([true, true, false]);
  });
});
