// Renders public/icon.svg (the console's icon) to the PNG sizes browsers and the web manifest ask for, and to
// favicon.ico (one 32×32 PNG inside an ICO directory), with Debian's Chromium. Run after changing the SVG:
// node scripts/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const PUBLIC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');
const svg = readFileSync(path.join(PUBLIC, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('width="64" height="64"', `width="${size}" height="${size}"`)}</body></html>`,
  );
  const image = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return image;
}

/** An ICO holding one PNG (allowed since Windows Vista; every browser reads it). */
function ico(image, size) {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18); // where the image starts
  return Buffer.concat([header, image]);
}

writeFileSync(path.join(PUBLIC, 'favicon.ico'), ico(await png(32), 32));
for (const size of [180, 192, 512]) writeFileSync(path.join(PUBLIC, `icon-${size}.png`), await png(size));
await browser.close();
console.log('public/: favicon.ico, icon-180.png, icon-192.png, icon-512.png');
