// Work for right after the page has drawn its next frame.

/**
 * Runs `fn` in a task after the next frame has been drawn (what was put on the page before is laid
 * out and painted by then); without frames (a hidden tab, tests) after `fallbackMs` at the latest.
 */
export function afterNextPaint(fn: () => void, fallbackMs = 100): void {
  const raf = globalThis.requestAnimationFrame;
  if (!raf) return void setTimeout(fn, 0);
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(run, fallbackMs);
  raf(() => setTimeout(run, 0));
}
