import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE } from './windowOptions';
import { clampToDisplays, initialBounds, parseWindowState } from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('clampToDisplays', () => {
  it('keeps bounds that fit', () => {
    expect(clampToDisplays({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });
  it('moves and shrinks bounds into the display they overlap most', () => {
    expect(clampToDisplays({ x: 1300, y: 0, width: 1600, height: 1000 }, [laptop, monitor])).toEqual({ x: 1440, y: 0, width: 1600, height: 1000 });
    expect(clampToDisplays({ x: -40, y: -10, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });
  it('drops bounds on a display that is gone', () => {
    expect(clampToDisplays({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop])).toBeNull();
    // A sliver of title bar is not reachable enough.
    expect(clampToDisplays({ x: 1400, y: 100, width: 1200, height: 800 }, [laptop])).toBeNull();
  });
  it('never goes below the minimum size, unless the display is smaller', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 200, height: 100 }, [laptop])).toEqual({ x: 0, y: 0, width: 900, height: 560 });
    expect(clampToDisplays({ x: 0, y: 0, width: 1200, height: 800 }, [{ x: 0, y: 0, width: 800, height: 500 }])).toEqual({ x: 0, y: 0, width: 800, height: 500 });
  });
});

describe('window state', () => {
  it('parses what was saved and refuses junk', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":1000,"height":700},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 1000, height: 700 },
      maximized: true,
    });
    for (const raw of ['', 'null', '{}', '{"bounds":{"x":"1","y":2,"width":3,"height":4}}', '{"bounds":{"x":1.5,"y":2,"width":3,"height":4}}']) {
      expect(parseWindowState(raw), raw).toBeNull();
    }
  });
  it('falls back to the default size', () => {
    expect(initialBounds(null, [laptop])).toEqual(DEFAULT_SIZE);
    expect(initialBounds({ bounds: { x: 5000, y: 0, width: 1000, height: 700 }, maximized: false }, [laptop])).toEqual(DEFAULT_SIZE);
  });
});
