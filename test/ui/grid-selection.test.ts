// Keyboard movement and the rectangular selection, without a DOM.
import { describe, expect, it } from 'vitest';
import { clampPos, inRange, moveBy, rangeOf, tabFrom } from '../../src/ui/grid/selection';

const size = { rows: 100, cols: 5, pageRows: 10 };

describe('grid selection', () => {
  it('moves like Excel and stays inside the sheet', () => {
    expect(moveBy({ r: 5, c: 2 }, 'ArrowUp', false, size)).toEqual({ r: 4, c: 2 });
    expect(moveBy({ r: 0, c: 0 }, 'ArrowUp', false, size)).toEqual({ r: 0, c: 0 });
    expect(moveBy({ r: 0, c: 4 }, 'ArrowRight', false, size)).toEqual({ r: 0, c: 4 });
    expect(moveBy({ r: 5, c: 2 }, 'ArrowDown', true, size)).toEqual({ r: 99, c: 2 });
    expect(moveBy({ r: 5, c: 2 }, 'Home', false, size)).toEqual({ r: 5, c: 0 });
    expect(moveBy({ r: 5, c: 2 }, 'End', false, size)).toEqual({ r: 5, c: 4 });
    expect(moveBy({ r: 5, c: 2 }, 'Home', true, size)).toEqual({ r: 0, c: 0 });
    expect(moveBy({ r: 5, c: 2 }, 'End', true, size)).toEqual({ r: 99, c: 4 });
    expect(moveBy({ r: 5, c: 2 }, 'PageDown', false, size)).toEqual({ r: 15, c: 2 });
    expect(moveBy({ r: 5, c: 2 }, 'PageUp', false, size)).toEqual({ r: 0, c: 2 });
    expect(moveBy({ r: 95, c: 2 }, 'PageDown', false, size)).toEqual({ r: 99, c: 2 });
  });

  it('Tab wraps to the next row and Shift+Tab to the previous one', () => {
    expect(tabFrom({ r: 1, c: 3 }, false, size)).toEqual({ r: 1, c: 4 });
    expect(tabFrom({ r: 1, c: 4 }, false, size)).toEqual({ r: 2, c: 0 });
    expect(tabFrom({ r: 1, c: 0 }, true, size)).toEqual({ r: 0, c: 4 });
    expect(tabFrom({ r: 0, c: 0 }, true, size)).toEqual({ r: 0, c: 0 });
    expect(tabFrom({ r: 99, c: 4 }, false, size)).toEqual({ r: 99, c: 4 });
  });

  it('a range is the rectangle between the active cell and the extent, in any direction', () => {
    const g = rangeOf({ r: 5, c: 3 }, { r: 2, c: 1 });
    expect(g).toEqual({ r0: 2, c0: 1, r1: 5, c1: 3 });
    expect(inRange(g, 2, 1)).toBe(true);
    expect(inRange(g, 5, 3)).toBe(true);
    expect(inRange(g, 6, 3)).toBe(false);
    expect(inRange(g, 3, 0)).toBe(false);
  });

  it('clamps a position when rows or columns go away, keeping identity when inside', () => {
    const p = { r: 3, c: 2 };
    expect(clampPos(p, 10, 5)).toBe(p);
    expect(clampPos({ r: 30, c: 9 }, 10, 5)).toEqual({ r: 9, c: 4 });
  });
});

describe('Ctrl+arrow stops at the edge of the data, as in Excel', () => {
  // Column 0: filled rows 0-2, empty 3-5, filled 6-7, empty 8-9.
  const filled = new Set([0, 1, 2, 6, 7]);
  const isEmpty = (r: number, c: number) => c !== 0 || !filled.has(r);
  const size = { rows: 10, cols: 3, pageRows: 5 };
  it('runs to the end of a filled block, then jumps to the next block, then to the edge', () => {
    expect(moveBy({ r: 0, c: 0 }, 'ArrowDown', true, size, isEmpty)).toEqual({ r: 2, c: 0 });
    expect(moveBy({ r: 2, c: 0 }, 'ArrowDown', true, size, isEmpty)).toEqual({ r: 6, c: 0 });
    expect(moveBy({ r: 6, c: 0 }, 'ArrowDown', true, size, isEmpty)).toEqual({ r: 7, c: 0 });
    expect(moveBy({ r: 7, c: 0 }, 'ArrowDown', true, size, isEmpty)).toEqual({ r: 9, c: 0 });
    expect(moveBy({ r: 9, c: 0 }, 'ArrowUp', true, size, isEmpty)).toEqual({ r: 7, c: 0 });
    expect(moveBy({ r: 1, c: 0 }, 'ArrowRight', true, size, isEmpty)).toEqual({ r: 1, c: 2 });
  });
  it('without data knowledge goes to the sheet edge', () => {
    expect(moveBy({ r: 0, c: 0 }, 'ArrowDown', true, size)).toEqual({ r: 9, c: 0 });
  });
});
