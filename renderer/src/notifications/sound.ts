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
