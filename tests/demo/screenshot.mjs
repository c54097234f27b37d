// Screenshots of the demo pages at desktop and phone widths, for a person to look at.
//   node tests/demo/screenshot.mjs http://127.0.0.1:8080/ OUTDIR [path#hash ...]
// Prints the page's console errors; exits non-zero if there were any.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, out = 'target/demo-screenshots', ...paths] = process.argv.slice(2);
if (!base) {
  console.error('usage: node tests/demo/screenshot.mjs BASE_URL [OUTDIR] [path ...]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const pages = paths.length ? paths : ['', 'demo/', 'demo/#practice', 'rules/'];
const sizes = [
  { name: 'desktop', width: 1440, height: 900, mobile: false },
  { name: 'phone', width: 390, height: 844, mobile: true },
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
let errors = 0;
for (const size of sizes) {
  const ctx = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1,
    isMobile: size.mobile,
    hasTouch: size.mobile,
  });
  for (const p of pages) {
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') {
        errors += 1;
        console.log(`[${size.name} ${p}] console error: ${m.text()}`);
      }
    });
    page.on('pageerror', (e) => {
      errors += 1;
      console.log(`[${size.name} ${p}] page error: ${e.message}`);
    });
    await page.goto(new URL(p, base).href, { waitUntil: 'load' });
    await page.waitForTimeout(800);
    const file = join(out, `${size.name}-${p.replace(/[^a-z0-9]+/gi, '_') || 'index'}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE !== '0' });
    console.log(file);
    await page.close();
  }
  await ctx.close();
}
await browser.close();
process.exit(errors ? 1 : 0);
