// The selection model of the grid, in view coordinates (row = index among the rows shown, col =
// index among the visible columns). Pure, so keyboard behaviour is tested without a DOM.

export type CellPos = { readonly r: number; readonly c: number };
/** An inclusive rectangle, r0 ≤ r1 and c0 ≤ c1. */
export type CellRange = { readonly r0: number; readonly c0: number; readonly r1: number; readonly c1: number };

export const rangeOf = (a: CellPos, b: CellPos): CellRange => ({
  r0: Math.min(a.r, b.r),
  c0: Math.min(a.c, b.c),
  r1: Math.max(a.r, b.r),
  c1: Math.max(a.c, b.c),
});

export const inRange = (g: CellRange, r: number, c: number): boolean => r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1;

export const rangeRows = (g: CellRange): number => g.r1 - g.r0 + 1;
export const rangeCols = (g: CellRange): number => g.c1 - g.c0 + 1;

export function clampPos(p: CellPos, rows: number, cols: number): CellPos {
  const r = Math.max(0, Math.min(p.r, rows - 1));
  const c = Math.max(0, Math.min(p.c, cols - 1));
  return r === p.r && c === p.c ? p : { r, c };
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export const isNavKey = (key: string): key is NavKey =>
  key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown';

/**
 * Where a navigation key moves `from`, like Excel: arrows by one (Ctrl: to the edge), Home/End to
 * the row's first/last column (Ctrl: the first/last cell), PageUp/PageDown by a screen of rows.
 */
export function moveBy(
  from: CellPos,
  key: NavKey,
  ctrl: boolean,
  size: { rows: number; cols: number; pageRows: number },
  isEmpty?: (r: number, c: number) => boolean,
): CellPos {
  const step = STEPS[key as keyof typeof STEPS];
  if (ctrl && step && isEmpty) return dataEdge(from, step[0], step[1], size, isEmpty);
  const lastR = Math.max(0, size.rows - 1);
  const lastC = Math.max(0, size.cols - 1);
  let { r, c } = from;
  switch (key) {
    case 'ArrowUp':
      r = ctrl ? 0 : r - 1;
      break;
    case 'ArrowDown':
      r = ctrl ? lastR : r + 1;
      break;
    case 'ArrowLeft':
      c = ctrl ? 0 : c - 1;
      break;
    case 'ArrowRight':
      c = ctrl ? lastC : c + 1;
      break;
    case 'Home':
      c = 0;
      if (ctrl) r = 0;
      break;
    case 'End':
      c = lastC;
      if (ctrl) r = lastR;
      break;
    case 'PageUp':
      r -= Math.max(1, size.pageRows);
      break;
    case 'PageDown':
      r += Math.max(1, size.pageRows);
      break;
  }
  return clampPos({ r, c }, size.rows, size.cols);
}

const STEPS = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] } as const;

/**
 * Ctrl+arrow as in Excel: inside a block of filled cells, to the block's last cell; otherwise to
 * the next filled cell in that direction, or the sheet's edge when there is none.
 */
export function dataEdge(
  from: CellPos,
  dr: number,
  dc: number,
  size: { rows: number; cols: number },
  isEmpty: (r: number, c: number) => boolean,
): CellPos {
  const inside = (r: number, c: number) => r >= 0 && c >= 0 && r < size.rows && c < size.cols;
  let { r, c } = from;
  if (!inside(r + dr, c + dc)) return from;
  if (!isEmpty(r, c) && !isEmpty(r + dr, c + dc)) {
    while (inside(r + dr, c + dc) && !isEmpty(r + dr, c + dc)) {
      r += dr;
      c += dc;
    }
    return { r, c };
  }
  r += dr;
  c += dc;
  while (isEmpty(r, c) && inside(r + dr, c + dc)) {
    r += dr;
    c += dc;
  }
  return { r, c };
}

/** Tab / Shift+Tab: next or previous column, wrapping to the next or previous row. */
export function tabFrom(from: CellPos, back: boolean, size: { rows: number; cols: number }): CellPos {
  if (size.cols <= 0 || size.rows <= 0) return from;
  let { r, c } = from;
  if (back) {
    if (c > 0) c--;
    else if (r > 0) {
      r--;
      c = size.cols - 1;
    }
  } else if (c < size.cols - 1) c++;
  else if (r < size.rows - 1) {
    r++;
    c = 0;
  }
  return { r, c };
}
