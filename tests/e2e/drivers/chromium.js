// Chromium with the unpacked extension, through playwright-core (no bundled browser: the
// system's /usr/bin/chromium). Implements the small driver interface the scenarios use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const LOCAL_ALIAS = 'e2e.jd.com'; // context-scenarios.js JD_HOST

export async function launchChromium(extDir, { profile, proxyPort } = {}) {
  if (!fs.existsSync(BIN)) throw new Error(`Chromium not found at ${BIN}: install it (scripts/setup.sh) or set CHROMIUM_BIN`);
  const userDir = profile || fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-chromium-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: BIN,
    headless: true,
    viewport: { width: 1200, height: 800 },
    // The extension's pages in zh-CN, as its users see them (Chromium's locales: chromium-l10n,
    // scripts/setup.sh); _locales' en is checked statically (static-checks.js).
    env: { ...process.env, LANGUAGE: 'zh_CN' },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // The browser's own services (form autofill, sign-in, component updates) would
      // otherwise talk to Google and blur the no-network check.
      '--disable-sync',
      '--disable-default-apps',
      '--disable-client-side-phishing-detection',
      '--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter,SigninInterceptBubble',
      '--metrics-recording-only',
      '--no-pings',
      ...(proxyPort ? [`--proxy-server=http://127.0.0.1:${proxyPort}`] : []),
      // A marketplace host for the platform-preset scenarios (context-scenarios.js), served
      // by the fixture server: resolved to 127.0.0.1 and not sent to the proxy.
      `--host-resolver-rules=MAP ${LOCAL_ALIAS} 127.0.0.1`,
      `--proxy-bypass-list=${LOCAL_ALIAS}`,
    ],
  });
  let sw = context.serviceWorkers()[0];
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  const page = context.pages()[0] || (await context.newPage());
  return new ChromiumDriver(context, page, extId, userDir);
}

class ChromiumDriver {
  constructor(context, page, extId, userDir) {
    this.name = 'chromium';
    this.context = context;
    this.page = page;
    this.extId = extId;
    this.userDir = userDir;
    this.extOrigin = `chrome-extension://${extId}`;
    this.frameSel = null;
    this.console = [];
    this.requests = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon\.ico/.test(m.location().url || '')) this.console.push(m.text());
    });
    page.on('pageerror', (e) => this.console.push(`pageerror: ${e.message}`));
    // Requests to the marketplace alias reach 127.0.0.1 (--host-resolver-rules): logged as
    // the fixture server's, so the no-network check still sees everything else.
    context.on('request', (r) => this.requests.push(r.url().replace(`//${LOCAL_ALIAS}:`, '//127.0.0.1:')));
  }

  async cdp() {
    if (!this._cdp) this._cdp = await this.context.newCDPSession(this.page);
    return this._cdp;
  }

  async goto(url) {
    this.frameSel = null;
    this.console.length = 0;
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async frame(sel) {
    this.frameSel = sel;
  }

  async target() {
    if (!this.frameSel) return this.page.mainFrame();
    const handle = await this.page.waitForSelector(this.frameSel);
    const f = await handle.contentFrame();
    await f.waitForLoadState('load');
    return f;
  }

  /** Run `src` (a function's source) with JSON args in the current frame; await its result. */
  async eval(src, ...args) {
    const f = await this.target();
    return f.evaluate(`(${src})(...${JSON.stringify(args)})`);
  }

  async click(selector) {
    const f = await this.target();
    await f.click(selector);
  }

  async type(text) {
    await this.page.keyboard.type(text);
  }

  async press(combo) {
    await this.page.keyboard.press(combo);
  }

  /** Top-level viewport coordinates. */
  async mouseMove(x, y) {
    await this.page.mouse.move(x, y);
  }

  async mouseClick(x, y) {
    await this.page.mouse.click(x, y);
  }

  /** Real IME composition through the DevTools protocol. */
  async imeCompose(text) {
    const s = await this.cdp();
    await s.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }

  async imeCommit(text) {
    const s = await this.cdp();
    await s.send('Input.insertText', { text });
  }

  /** JS heap in use after a full GC, in bytes. */
  async heapUsed() {
    const s = await this.cdp();
    await s.send('HeapProfiler.collectGarbage');
    await s.send('HeapProfiler.collectGarbage');
    const { usedSize } = await s.send('Runtime.getHeapUsage');
    return usedSize;
  }

  consoleErrors() {
    return this.console.slice();
  }

  /** Run `src` in the extension's options page (extension context). */
  async inExtension(src, ...args) {
    const p = await this.context.newPage();
    try {
      await p.goto(`${this.extOrigin}/extension/options/options.html`);
      return await p.evaluate(`(${src})(...${JSON.stringify(args)})`);
    } finally {
      await p.close();
    }
  }

  /** Run `fn(page)` on the options page: page.eval(src, ...args), page.upload(sel, file). */
  async withOptions(fn) {
    return this.withExtensionPage('extension/options/options.html', fn);
  }

  async withExtensionPage(rel, fn) {
    const p = await this.context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.goto(`${this.extOrigin}/${rel}`);
      return await fn({
        eval: (src, ...args) => p.evaluate(`(${src})(...${JSON.stringify(args)})`),
        upload: (sel, file) => p.setInputFiles(sel, file),
        errors,
      });
    } finally {
      await p.close();
    }
  }

  async close() {
    await this.context.close();
  }
}
