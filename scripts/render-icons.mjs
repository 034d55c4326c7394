// Renders assets/icon.svg into the PNG sizes the manifest uses (public/icon/N.png).
// Run by hand after changing the drawing: `node scripts/render-icons.mjs`.
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { findChromium } from './lib/find-chromium.mjs';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  console.log(`public/icon/${size}.png`);
}
await browser.close();
