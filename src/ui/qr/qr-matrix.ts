// The DOM-free half of the QR code view: encoding options, the module matrix, and two renderings
// of it — an SVG path (what `QrCode` draws) and an RGBA pixel buffer (what the tests feed to a
// decoder to prove the picture scans). The `qrcode` module is passed in, so this file can be
// imported eagerly while the encoder itself stays a lazily loaded chunk.

import type { QRCodeErrorCorrectionLevel, QRCodeOptions } from 'qrcode';

/** Light modules around the code; the QR standard asks for 4, and scanners need it to lock on. */
export const QUIET_ZONE = 4;

/** The part of the `qrcode` package we use (its `create`). */
export type QrEncoder = {
  create(text: string, options?: QRCodeOptions): { modules: { size: number; data: Uint8Array }; version: number };
};

/** Square module matrix, row-major; 1 is a dark module. */
export type QrMatrix = {
  readonly size: number;
  readonly modules: Uint8Array;
  readonly version: number;
  readonly level: QRCodeErrorCorrectionLevel;
};

/**
 * Short codes get medium error correction (a glare spot on the screen is survivable); long ones
 * (a WebRTC offer is ~1.2 KB) get low, which keeps the version and so the module count down —
 * bigger modules matter more to a phone camera than recovery from damage a screen does not have.
 */
export function qrLevelFor(value: string): QRCodeErrorCorrectionLevel {
  return value.length <= 300 ? 'M' : 'L';
}

/** Encodes `value`; throws when it does not fit in a QR code (over ~2.9 KB). */
export function makeQrMatrix(encoder: QrEncoder, value: string): QrMatrix {
  const level = qrLevelFor(value);
  const code = encoder.create(value, { errorCorrectionLevel: level });
  return { size: code.modules.size, modules: Uint8Array.from(code.modules.data, (b) => (b ? 1 : 0)), version: code.version, level };
}

/** Modules per side including the quiet zone on both sides. */
export const qrTotalModules = (m: QrMatrix): number => m.size + 2 * QUIET_ZONE;

/**
 * One SVG path for every dark module, in the coordinate system of a viewBox of
 * `qrTotalModules(m)` units (quiet zone included): each horizontal run of dark modules is one
 * rectangle, which keeps the path short (a 1.2 KB code is ~3,000 runs, not ~8,000 squares).
 */
export function qrPath(m: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < m.size; y++) {
    let x = 0;
    while (x < m.size) {
      if (!m.modules[y * m.size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < m.size && m.modules[y * m.size + x]) x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}

/**
 * The pixel size to draw at: a whole number of CSS pixels per module when the wanted size allows
 * at least 2, so every module has the same width (uneven modules confuse decoders); otherwise the
 * wanted size itself.
 */
export function qrPixelSize(m: QrMatrix, wanted: number): number {
  const total = qrTotalModules(m);
  const perModule = Math.floor(wanted / total);
  return perModule >= 2 ? perModule * total : wanted;
}

/** Dark modules on white, `scale` pixels per module, quiet zone included; RGBA like ImageData. */
export function qrToRgba(m: QrMatrix, scale = 4): { width: number; height: number; data: Uint8ClampedArray } {
  const side = qrTotalModules(m) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (!m.modules[y * m.size + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = ((y + QUIET_ZONE) * scale + dy) * side;
        for (let dx = 0; dx < scale; dx++) {
          const i = (row + (x + QUIET_ZONE) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }
  }
  return { width: side, height: side, data };
}
