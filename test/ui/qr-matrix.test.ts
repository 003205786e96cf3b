// The QR code view's matrix really scans: what `QrCode` draws (the module matrix, quiet zone
// included) is rendered to pixels here and read back with jsQR, the decoder the scanner falls back
// to — for a WebRTC offer-sized text (~1.2 KB) and for short codes.
import jsQR from 'jsqr';
import * as QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { makeQrMatrix, qrLevelFor, qrPath, qrPixelSize, qrToRgba, qrTotalModules, QUIET_ZONE, type QrEncoder, type QrMatrix } from '../../src/ui/qr/qr-matrix';

const encoder = ((QRCode as unknown as { default?: QrEncoder }).default ?? QRCode) as QrEncoder;

/** A deterministic stand-in for a compressed, base64url-encoded offer. */
function offerLike(length: number, seed = 7): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += abc[(x >>> 16) % 64];
  }
  return s;
}

function scan(m: QrMatrix, scale: number): string | undefined {
  const img = qrToRgba(m, scale);
  return jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data;
}

/** Paints the SVG path's rectangles back into a matrix, to check it covers exactly the dark modules. */
function pathToModules(path: string, m: QrMatrix): Uint8Array {
  const out = new Uint8Array(m.size * m.size);
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) out[(Number(y) - QUIET_ZONE) * m.size + Number(x) - QUIET_ZONE + i] = 1;
  }
  return out;
}

describe('QR matrix', () => {
  it('a ~1.2 KB offer encodes to a code jsQR reads back exactly', () => {
    const offer = offerLike(1200);
    const m = makeQrMatrix(encoder, offer);
    expect(m.level).toBe('L');
    // ~130 modules a side: still readable by a tablet camera at arm's length on a 10" screen
    expect(m.version).toBeLessThanOrEqual(30);
    expect(m.size).toBe(17 + 4 * m.version);
    expect(scan(m, 3)).toBe(offer);
  });

  it('short codes (with medium error correction) and non-ASCII text read back exactly', () => {
    for (const text of ['CLT-7K2P-9XQ4', 'clientela:pair?r=5f2c&k=Zm9vYmFyYmF6', '柜台平板 · Tienda José']) {
      const m = makeQrMatrix(encoder, text);
      expect(m.level).toBe('M');
      expect(scan(m, 4)).toBe(text);
    }
  });

  it('the picture has a white quiet zone of 4 modules and starts with the finder pattern', () => {
    const m = makeQrMatrix(encoder, offerLike(1200, 3));
    const scale = 3;
    const img = qrToRgba(m, scale);
    const dark = (x: number, y: number) => img.data[(y * img.width + x) * 4] === 0;
    const zone = QUIET_ZONE * scale;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const inZone = x < zone || y < zone || x >= img.width - zone || y >= img.height - zone;
        if (inZone) expect(dark(x, y), `${x},${y}`).toBe(false);
      }
    }
    // the top-left finder's outer ring: 7 dark modules along the first row of the symbol
    for (let i = 0; i < 7 * scale; i++) expect(dark(zone + i, zone)).toBe(true);
    expect(dark(zone + 7 * scale, zone)).toBe(false);
  });

  it('the SVG path covers exactly the dark modules, one rectangle per horizontal run', () => {
    for (const text of ['CLT-7K2P-9XQ4', offerLike(1200)]) {
      const m = makeQrMatrix(encoder, text);
      const path = qrPath(m);
      expect(pathToModules(path, m)).toEqual(m.modules);
      expect(path).not.toMatch(/NaN|undefined/);
      let runs = 0;
      for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.modules[y * m.size + x] && !(x > 0 && m.modules[y * m.size + x - 1])) runs++;
      expect(path.split('M').length - 1).toBe(runs);
    }
  });

  it('draws a whole number of pixels per module when the size allows', () => {
    const m = makeQrMatrix(encoder, offerLike(1200));
    const total = qrTotalModules(m);
    const px = qrPixelSize(m, 480);
    expect(px % total).toBe(0);
    expect(px).toBeLessThanOrEqual(480);
    expect(px).toBeGreaterThan(480 - total);
    expect(qrPixelSize(m, 200)).toBe(200); // under 2 px a module: the wanted size, scaled
  });

  it('picks the level by length and refuses text that cannot fit in any QR code', () => {
    expect(qrLevelFor('x'.repeat(300))).toBe('M');
    expect(qrLevelFor('x'.repeat(301))).toBe('L');
    expect(() => makeQrMatrix(encoder, offerLike(3000))).toThrow();
  });
});
