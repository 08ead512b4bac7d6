// The notification sounds ship with the app (renderer/public/sounds, made by `npm run sounds`).
import type { NotificationSound } from '../../../shared/notifications';

export function soundUrl(sound: Exclude<NotificationSound, 'none'>): string {
  return `./sounds/${sound}.wav`;
}

/** Plays a sound; a browser that refuses autoplay before any click simply stays silent. */
export function playSound(sound: NotificationSound | null): void {
  if (sound === null || sound === 'none') return;
  void new Audio(soundUrl(sound)).play().catch(() => undefined);
}

/** Sounds of notifications closer together than this are skipped. */
export const SOUND_GAP_MS = 1_000;

/**
 * A player that starts at most one sound per `gapMs`: notifications arriving close together
 * (a burst's singles, then its summary) would otherwise start sounds on top of each other, which
 * helps nobody and costs the browser a decoder each.
 */
export function throttledSound(
  play: (sound: NotificationSound | null) => void,
  now: () => number,
  gapMs = SOUND_GAP_MS,
): (sound: NotificationSound | null) => void {
  let lastAt = -Infinity;
  return (sound) => {
    if (sound === null || sound === 'none' || now() - lastAt < gapMs) return;
    lastAt = now();
    play(sound);
  };
}
