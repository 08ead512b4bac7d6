// Window size and position remembered between runs. The saved bounds are only a wish: a monitor
// may have been unplugged or the resolution changed since, so they are clamped to a display the
// window would be visible on, or dropped for the default placement.
import { DEFAULT_SIZE, MIN_HEIGHT, MIN_WIDTH } from './windowOptions';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = 64;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** Reads a saved state; anything malformed is null (the default placement). */
export function parseWindowState(raw: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: Partial<Bounds>; maximized?: unknown };
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(isInt)) return null;
  return { bounds: bounds as Bounds, maximized: maximized === true };
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits saved bounds to the displays' work areas: on the display it overlaps most, shrunk to fit
 * and moved fully inside. Returns null when it overlaps no display enough to be reached.
 */
export function clampToDisplays(saved: Bounds, workAreas: readonly Bounds[]): Bounds | null {
  let best: { area: Bounds; score: number } | null = null;
  for (const area of workAreas) {
    const { width, height } = overlap(saved, area);
    if (width < MIN_VISIBLE || height <= 0) continue;
    const score = width * height;
    if (!best || score > best.score) best = { area, score };
  }
  if (!best) return null;
  const { area } = best;
  const width = Math.max(Math.min(saved.width, area.width), Math.min(MIN_WIDTH, area.width));
  const height = Math.max(Math.min(saved.height, area.height), Math.min(MIN_HEIGHT, area.height));
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** The bounds to open with: the saved ones fitted to the displays, or the default size. */
export function initialBounds(saved: WindowState | null, workAreas: readonly Bounds[]): Partial<Bounds> {
  const fitted = saved ? clampToDisplays(saved.bounds, workAreas) : null;
  return fitted ?? DEFAULT_SIZE;
}
