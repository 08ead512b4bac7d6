import { describe, expect, it } from 'vitest';
import type { NotificationSound } from '../../../shared/notifications';
import { throttledSound } from './sound';

describe('throttledSound', () => {
  it('starts at most one sound per gap, and none for silent notifications', () => {
    let now = 0;
    const played: (NotificationSound | null)[] = [];
    const sound = throttledSound((s) => played.push(s), () => now, 1_000);
    sound('chime');
    now = 400;
    sound('ding');
    now = 999;
    sound('chime');
    now = 1_000;
    sound(null);
    sound('none');
    sound('knock');
    now = 1_500;
    sound('chime');
    expect(played).toEqual(['chime', 'knock']);
  });
});
