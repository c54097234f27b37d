// Two real browsers behind one small interface: goto, js (evaluate an expression), setFile,
// close. Chromium through playwright-core (the Debian binary, nothing downloaded), Firefox ESR
// through geckodriver (tests/lib/geckodriver.mjs). A missing browser is an error, never a skip.
import fs from 'node:fs';
import path from 'node:path';
import { Session, startGeckodriver } from '../lib/geckodriver.mjs';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

export async function chromium() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh`);
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.context().on('request', (r) => requests.push(r.url()));
  return {
    name: 'chromium',
    errors,
    requests,
    goto: (url) => page.goto(url),
    js: (expr) => page.evaluate(expr),
    setFile: (sel, file) => page.setInputFiles(sel, file),
    frameText: async (sel) => (await (await page.$(sel)).contentFrame()).evaluate(() => document.body.innerText),
    close: () => browser.close(),
  };
}

export async function firefox() {
  const gd = await startGeckodriver();
  let session;
  try {
    session = await Session.firefox(gd.base);
    await session.cmd('POST', '/timeouts', { script: 120000, pageLoad: 60000 });
  } catch (e) {
    gd.stop();
    throw e;
  }
  const cmd = (method, url, body) => session.cmd(method, url, body);
  return {
    name: 'firefox',
    errors: [],
    goto: (url) => session.navigate(url),
    js: (expr) => cmd('POST', '/execute/sync', { script: `return (${expr});`, args: [] }),
    setFile: async (sel, file) => session.sendKeys(await session.find(sel), path.resolve(file)),
    frameText: (sel) => cmd('POST', '/execute/sync', {
      script: 'return document.querySelector(arguments[0]).contentDocument.body.innerText;', args: [sel],
    }),
    close: async () => {
      try { await session.delete(); } finally { gd.stop(); }
    },
  };
}
