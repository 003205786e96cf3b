// Lays out, off screen and out of sight, one of each character about to be shown, so that the
// browser finds and loads the fonts for them (a Chinese name's fallback font is loaded on its
// first use: measured here as ~40 of the 62 ms layout of the import's mapping step) in a frame of
// its own, before the view that shows them. Text only (textContent), never markup.

/** Most characters sampled: one of each is enough to pick the fonts. */
const MAX_CHARS = 4000;

/** Characters of `texts` beyond plain ASCII, one of each (ASCII is in the page's own font already). */
export function glyphSample(texts: Iterable<string>, max = MAX_CHARS): string {
  const seen = new Set<string>();
  for (const t of texts) {
    for (const ch of t) {
      if (ch.charCodeAt(0) < 0x80 || seen.has(ch)) continue;
      seen.add(ch);
      if (seen.size >= max) return [...seen].join('');
    }
  }
  return [...seen].join('');
}

/** Puts the characters of `texts` on the page for the next frame's layout, then takes them away. */
export function warmGlyphs(texts: Iterable<string>): void {
  if (typeof document === 'undefined' || !document.body) return;
  const sample = glyphSample(texts);
  if (!sample) return;
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = 'position:fixed;left:-10000px;top:0;width:400px;visibility:hidden;pointer-events:none;contain:layout paint;white-space:normal;word-break:break-all';
  el.textContent = sample;
  document.body.append(el);
  const raf = globalThis.requestAnimationFrame;
  const remove = () => el.remove();
  // Removed once a frame has laid it out (a hidden tab: after a while anyway).
  if (raf) raf(() => raf(remove));
  setTimeout(remove, 2000);
}

