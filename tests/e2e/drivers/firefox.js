// Firefox ESR with the unpacked extension as a temporary add-on, through geckodriver's plain
// WebDriver HTTP API (tests/lib/geckodriver.mjs). Same driver interface as chromium.js.
import path from 'node:path';
import { call as wd, firefoxBinary, startGeckodriver } from '../../lib/geckodriver.mjs';

const ADDON_ID = 'kefu-coach@kefu-coach.invalid';
const UUID = '6b3f5f0e-7d3c-4b8e-9a51-2f0c1e7d4a10';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
  Backspace: '\uE003', Delete: '\uE017', Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004',
};

export async function launchFirefox(extDir, { proxyPort } = {}) {
  const gd = await startGeckodriver(['--allow-system-access']);
  const base = gd.base;
  const caps = {
    capabilities: {
      alwaysMatch: {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: firefoxBinary(),
          args: ['-headless', '-width', '1200', '-height', '800'],
          prefs: {
            'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
            'app.update.enabled': false,
            // The extension's pages in zh-CN, as its users see them (the zh-CN language pack:
            // scripts/setup.sh); _locales' en is checked statically (static-checks.js).
            'intl.locale.requested': 'zh-CN',
            'browser.shell.checkDefaultBrowser': false,
            'datareporting.policy.dataSubmissionEnabled': false,
            'toolkit.telemetry.enabled': false,
            // Fewer of Firefox's own background requests during the no-network check (the
            // Remote Settings client still polls; run.js lists that host as the browser's).
            'services.settings.server': 'data:,#remote-settings-dummy/v1',
            'extensions.blocklist.enabled': false,
            'security.remote_settings.crlite_filters.enabled': false,
            'security.remote_settings.intermediates.enabled': false,
            'browser.safebrowsing.update.enabled': false,
            'network.connectivity-service.enabled': false,
            'network.captive-portal-service.enabled': false,
            'messaging-system.rsexperimentloader.enabled': false,
            'app.normandy.enabled': false,
            'app.shield.optoutstudies.enabled': false,
            ...(proxyPort
              ? {
                  'network.proxy.type': 1,
                  'network.proxy.http': '127.0.0.1',
                  'network.proxy.http_port': proxyPort,
                  'network.proxy.ssl': '127.0.0.1',
                  'network.proxy.ssl_port': proxyPort,
                  'network.proxy.allow_hijacking_localhost': false,
                }
              : {}),
          },
        },
      },
    },
  };
  let res;
  try {
    res = await wd(base, 'POST', '/session', caps);
  } catch (e) {
    gd.stop();
    throw e;
  }
  const driver = new FirefoxDriver(base, res.sessionId, gd);
  await driver.cmd('POST', '/moz/addon/install', { path: path.resolve(extDir), temporary: true });
  await driver.cmd('POST', '/timeouts', { script: 60000 });
  return driver;
}

class FirefoxDriver {
  constructor(base, sid, geckodriver) {
    this.name = 'firefox';
    this.base = base;
    this.sid = sid;
    this.geckodriver = geckodriver;
    this.extOrigin = `moz-extension://${UUID}`;
  }

  cmd(method, url, body) {
    return wd(this.base, method, `/session/${this.sid}${url}`, body);
  }

  async goto(url) {
    await this.cmd('POST', '/frame', { id: null });
    await this.cmd('POST', '/url', { url });
  }

  async frame(sel) {
    await this.cmd('POST', '/frame', { id: null });
    if (!sel) return;
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: sel });
    await this.cmd('POST', '/frame', { id: el });
  }

  async eval(src, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${src})(...arguments)`, args });
  }

  async click(selector) {
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    await this.cmd('POST', `/element/${el[ELEMENT]}/click`, {});
  }

  async clickElement(ref) {
    await this.cmd('POST', `/element/${ref[ELEMENT]}/click`, {});
  }

  async type(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.keys(actions);
  }

  async press(combo) {
    const parts = combo.split('+').map((k) => KEYS[k] || k);
    const actions = [];
    for (const k of parts) actions.push({ type: 'keyDown', value: k });
    for (const k of parts.slice().reverse()) actions.push({ type: 'keyUp', value: k });
    await this.keys(actions);
  }

  async keys(actions) {
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'kb', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  async pointer(actions) {
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  async mouseMove(x, y) {
    await this.pointer([{ type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 }]);
  }

  async mouseClick(x, y) {
    await this.pointer([
      { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  // Firefox has no protocol to drive an input method: the scenarios fall back to dispatching
  // composition events around an edit (see scenarios.js).
  get imeCompose() {
    return null;
  }

  get heapUsed() {
    return null;
  }

  consoleErrors() {
    return []; // page-side errors are collected by fixture.js in every fixture page
  }

  /** Open an extension page in a new tab (web content may not navigate to moz-extension:,
   *  so the tab is opened from the browser's chrome context) and switch to it. */
  async openExtensionPage(rel) {
    const handle = await this.cmd('GET', '/window');
    const before = new Set(await this.cmd('GET', '/window/handles'));
    await this.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      await this.eval(
        `(url) => { const w = Services.wm.getMostRecentWindow('navigator:browser');
          w.gBrowser.selectedTab = w.gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); }`,
        `${this.extOrigin}/${rel}`,
      );
    } finally {
      await this.cmd('POST', '/moz/context', { context: 'content' });
    }
    let fresh = null;
    for (let i = 0; i < 50 && !fresh; i++) {
      fresh = (await this.cmd('GET', '/window/handles')).find((h) => !before.has(h));
      if (!fresh) await new Promise((r) => setTimeout(r, 100));
    }
    if (!fresh) throw new Error('the extension page did not open');
    await this.cmd('POST', '/window', { handle: fresh });
    for (let i = 0; i < 50; i++) {
      const ready = await this.eval(`() => document.readyState === 'complete' && location.protocol === 'moz-extension:'`).catch(() => false);
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      close: async () => {
        await this.cmd('DELETE', '/window');
        await this.cmd('POST', '/window', { handle });
      },
    };
  }

  /** What Firefox said while reading the extension's manifest (unknown keys, bad values). */
  async manifestWarnings() {
    await this.cmd('POST', '/moz/context', { context: 'chrome' });
    try {
      return await this.eval(
        `(id) => { const p = WebExtensionPolicy.getByID(id); return p && p.extension ? p.extension.warnings.slice() : ['extension not found']; }`,
        ADDON_ID,
      );
    } finally {
      await this.cmd('POST', '/moz/context', { context: 'content' });
    }
  }

  /** Run `fn(page)` on the options page: page.eval(src, ...args), page.upload(sel, file). */
  async withOptions(fn) {
    return this.withExtensionPage('extension/options/options.html', fn);
  }

  async withExtensionPage(rel, fn) {
    const tab = await this.openExtensionPage(rel);
    try {
      return await fn({
        eval: (src, ...args) => this.eval(src, ...args),
        upload: async (sel, file) => {
          const el = await this.cmd('POST', '/element', { using: 'css selector', value: sel });
          await this.cmd('POST', `/element/${el[ELEMENT]}/value`, { text: file });
        },
        errors: [],
      });
    } finally {
      await tab.close();
    }
  }

  async inExtension(src, ...args) {
    const tab = await this.openExtensionPage('extension/options/options.html');
    try {
      return await this.eval(src, ...args);
    } finally {
      await tab.close();
    }
  }

  async close() {
    try {
      await wd(this.base, 'DELETE', `/session/${this.sid}`);
    } finally {
      this.geckodriver.stop();
    }
  }
}
