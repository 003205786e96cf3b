import { describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../src/ui/after-paint';
import { glyphSample, warmGlyphs } from '../../src/ui/warm-glyphs';

describe('glyph warm-up', () => {
  it('samples each character beyond ASCII once, in order of appearance', () => {
    expect(glyphSample(['张伟', 'José Núñez', '张三', 'plain ascii 123'])).toBe('张伟éúñ三');
    expect(glyphSample(['😀 emoji', 'ÄÖÜ äöü'])).toBe('😀ÄÖÜäöü');
    expect(glyphSample(['only ascii', ''])).toBe('');
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 50 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect([...glyphSample([many], 10)]).toHaveLength(10);
  });

  it('does nothing without a document (tests, workers)', () => {
    expect(() => warmGlyphs(['张伟'])).not.toThrow();
  });

  it('runs the work after the next frame, or after the fallback when no frame comes', async () => {
    const g = globalThis as { requestAnimationFrame?: (cb: () => void) => number };
    const ran: string[] = [];
    afterNextPaint(() => ran.push('no frames'));
    expect(ran).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    expect(ran).toEqual(['no frames']);
    // With frames that never come (a hidden tab): the fallback, once.
    g.requestAnimationFrame = () => 0;
    try {
      afterNextPaint(() => ran.push('fallback'), 20);
      await new Promise((r) => setTimeout(r, 5));
      expect(ran).toEqual(['no frames']);
      await new Promise((r) => setTimeout(r, 40));
      expect(ran).toEqual(['no frames', 'fallback']);
      // A frame: after it, and not again at the fallback.
      let frame: (() => void) | undefined;
      g.requestAnimationFrame = (cb) => ((frame = cb), 1);
      afterNextPaint(() => ran.push('after frame'), 30);
      frame!();
      await new Promise((r) => setTimeout(r, 50));
      expect(ran).toEqual(['no frames', 'fallback', 'after frame']);
    } finally {
      delete g.requestAnimationFrame;
    }
  });
});
