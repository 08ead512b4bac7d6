/** A call length split for display as "2m 15s" (or "1h 02m" past an hour). */
export function durationParts(totalSec: number): { hours: number; minutes: number; seconds: number } {
  const sec = Math.max(0, Math.floor(totalSec));
  return { hours: Math.floor(sec / 3600), minutes: Math.floor((sec % 3600) / 60), seconds: sec % 60 };
}
