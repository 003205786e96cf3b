#!/usr/bin/env node
// One-off: draws the app icon as SVG and renders the PNG sizes with headless Chromium.
// The PNGs are committed; run again only when the design changes: `node test/tools/make-icons.mjs`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PUBLIC = resolve(ROOT, 'public');
const BLUE = '#1f6feb';
const DARK = '#0b3d91';

/**
 * A customer card on a spreadsheet: a white sheet with a header row and grid lines, a person in the
 * first cell. `bleed` fills the whole square (maskable); otherwise a rounded tile. `scale` shrinks
 * the drawing into the maskable safe zone (the inner 80% circle).
 */
function iconSvg({ bleed = false, scale = 1 } = {}) {
  const bg = bleed
    ? `<rect width="512" height="512" fill="${BLUE}"/>`
    : `<rect x="16" y="16" width="480" height="480" rx="108" fill="${BLUE}"/>`;
  const t = (512 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  ${bg}
  <g transform="translate(${t} ${t}) scale(${scale})">
    <rect x="96" y="112" width="320" height="288" rx="28" fill="#ffffff"/>
    <path d="M96 140a28 28 0 0 1 28-28h264a28 28 0 0 1 28 28v52H96z" fill="#cfe0ff"/>
    <g stroke="#b4c6e6" stroke-width="10">
      <line x1="212" y1="262" x2="416" y2="262"/>
      <line x1="212" y1="332" x2="416" y2="332"/>
      <line x1="212" y1="192" x2="212" y2="400"/>
    </g>
    <g fill="${BLUE}">
      <rect x="236" y="218" width="150" height="22" rx="11"/>
      <rect x="236" y="288" width="112" height="22" rx="11" fill="#8fb3f5"/>
      <rect x="236" y="356" width="132" height="22" rx="11" fill="#8fb3f5"/>
    </g>
    <g fill="${DARK}">
      <circle cx="154" cy="262" r="28"/>
      <path d="M106 352c0-30 21-48 48-48s48 18 48 48v4H106z"/>
    </g>
  </g>
</svg>
`;
}

const TARGETS = [
  { file: 'icons/icon-192.png', size: 192, svg: iconSvg(), transparent: true },
  { file: 'icons/icon-512.png', size: 512, svg: iconSvg(), transparent: true },
  { file: 'icons/maskable-512.png', size: 512, svg: iconSvg({ bleed: true, scale: 0.9 }), transparent: false },
  { file: 'icons/maskable-192.png', size: 192, svg: iconSvg({ bleed: true, scale: 0.9 }), transparent: false },
  // iOS draws its own rounded corners and shows black where the icon is transparent.
  { file: 'apple-touch-icon.png', size: 180, svg: iconSvg({ bleed: true, scale: 0.9 }), transparent: false },
];

mkdirSync(resolve(PUBLIC, 'icons'), { recursive: true });
writeFileSync(resolve(PUBLIC, 'favicon.svg'), iconSvg());

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  for (const t of TARGETS) {
    const page = await browser.newPage({ viewport: { width: t.size, height: t.size }, deviceScaleFactor: 1 });
    const svg = t.svg.replace('width="512" height="512"', `width="${t.size}" height="${t.size}"`);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    const out = resolve(PUBLIC, t.file);
    await page.screenshot({ path: out, omitBackground: t.transparent, clip: { x: 0, y: 0, width: t.size, height: t.size } });
    await page.close();
    console.log(`wrote public/${t.file} (${t.size}x${t.size})`);
  }
} finally {
  await browser.close();
}
