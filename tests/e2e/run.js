// Runs the extension end-to-end suite in real browsers with the built extension loaded:
//   node tests/e2e/run.js [--browser chromium|firefox|all] [--repeat 3] [--only NAME]
// Needs dist/chrome and dist/firefox (scripts/build-extension.sh). Exits non-zero on any
// failure, and when a browser is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFixtures } from './bundle.js';
import { startServer } from './server.js';
import { launchChromium } from './drivers/chromium.js';
import { launchFirefox } from './drivers/firefox.js';
import { EDITORS, PAGE_SCENARIOS, SCENARIOS, waitFor } from './scenarios.js';
import { CONTEXT_SCENARIOS } from './context-scenarios.js';
import { staticManifests, staticNoNetwork, staticPackaging, staticPopupText } from './static-checks.js';
import { UI_SCENARIOS } from './ui-scenarios.js';
import { startProxy } from './proxy.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const browsers = opt('browser', 'all') === 'all' ? ['chromium', 'firefox'] : [opt('browser')];
const repeat = Number(opt('repeat', '3'));
const only = opt('only', '');

const results = [];
function record(browser, name, ok, ms, note) {
  results.push({ browser, name, ok, ms, note });
  const tag = ok ? 'ok  ' : 'FAIL';
  console.log(`${tag} ${browser} ${name} (${ms} ms)${note ? ` — ${note}` : ''}`);
}

async function step(browser, name, fn) {
  if (only && !name.includes(only)) return;
  const t = Date.now();
  try {
    const note = await fn();
    if (note === 'skip') return;
    record(browser, name, true, Date.now() - t, typeof note === 'string' ? note : '');
  } catch (e) {
    record(browser, name, false, Date.now() - t, (e && e.stack) || String(e));
  }
}

async function suite(browser, d, origin) {
  for (let r = 1; r <= repeat; r++) {
    for (const [sname, scenario] of Object.entries(SCENARIOS)) {
      for (const fx of EDITORS) {
        await step(browser, `${sname}/${fx.name}#${r}`, () => scenario(d, origin, fx));
      }
    }
    for (const [sname, scenario] of Object.entries({ ...PAGE_SCENARIOS, ...CONTEXT_SCENARIOS, ...UI_SCENARIOS })) {
      await step(browser, `${sname}#${r}`, () => scenario(d, origin));
    }
  }
}

// No network: the browser ran the whole suite behind a proxy that forwards nothing, so any
// request beyond 127.0.0.1 would be in its log; in Chromium, also every request seen by the
// browser (pages, frames, the extension's service worker) went to the fixture server or to
// the extension's own files.
// Chromium's own services keep calling home even with the flags in drivers/chromium.js
// (component updates, network time, sign-in); those hosts are the browser's, and the
// extension's code (pages, frames, service worker) is covered by Chromium's request log.
const CHROMIUM_SERVICES = /^(CONNECT |GET http:\/\/|POST http:\/\/)(update\.googleapis\.com|clients2\.google\.com|accounts\.google\.com|redirector\.gvt1\.com|content-autofill\.googleapis\.com)[:/]/;

// Firefox's Remote Settings client keeps polling its server even with the prefs in
// drivers/firefox.js; that host is the browser's own.
const FIREFOX_SERVICES = /^CONNECT firefox\.settings\.services\.mozilla\.com:443$/;

async function noNetwork(browser, d, origin, proxy) {
  await step(browser, 'no-network', async () => {
    const own = browser === 'chromium' ? CHROMIUM_SERVICES : FIREFOX_SERVICES;
    const seen = proxy.seen.filter((r) => !own.test(r));
    if (seen.length) throw new Error(`requests beyond 127.0.0.1: ${[...new Set(seen)].join(', ')}`);
    if (browser !== 'chromium') return `proxy: ${proxy.seen.length} from Firefox's own services only`;
    // The content script reaches the extension's .wasm through its per-session dynamic URL
    // (use_dynamic_url): chrome-extension://<random id>/…, allowed for that file only.
    const dynamic = (u) => /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/pkg\/kefu_coach_bg\.wasm$/.test(u);
    // chrome-extension://invalid/ is what Chromium loads instead of an extension file a page
    // may not have (extensionFilesHidden asks for them on purpose): no network either.
    const refused = (u) => u === 'chrome-extension://invalid/';
    const foreign = d.requests.filter((u) => !u.startsWith(origin) && !u.startsWith(d.extOrigin) && !dynamic(u) && !refused(u));
    if (foreign.length) throw new Error(`requests outside the fixture server and the extension: ${[...new Set(foreign)].join(', ')}`);
    return `${d.requests.length} requests, all local (${d.requests.filter(dynamic).length} through the dynamic URL); proxy: ${proxy.seen.length} from Chromium's own services only`;
  });
}

// Settings survive a browser restart (same profile, extension loaded again from disk, as an
// update would).
async function persistence(origin, extDir) {
  let d = await launchChromium(extDir);
  const profile = d.userDir;
  try {
    await d.inExtension(`() => chrome.storage.sync.set({ disabledRules: ['blunt.dont-know'], platform: 'jd' })`);
    await d.close();
    d = await launchChromium(extDir, { profile });
    const got = await d.inExtension(`() => chrome.storage.sync.get(['disabledRules', 'platform'])`);
    if (!(got.disabledRules || []).includes('blunt.dont-know') || got.platform !== 'jd') {
      throw new Error(`settings lost across a restart: ${JSON.stringify(got)}`);
    }
    await d.goto(`${origin}/fixtures/textarea.html`);
    await d.click('#editor');
    await d.type('这个我不知道');
    await waitFor(d, `() => { const h = document.querySelector('kefu-coach'); const b = h && h.shadowRoot.querySelector('[data-kefu-badge]'); return b ? Number(b.dataset.checks || 0) : 0; }`, (n) => n > 0, 'a check', 10000);
    const rules = await d.eval(`() => [...document.querySelector('kefu-coach').shadowRoot.querySelectorAll('[data-kefu-finding]')].map((f) => f.dataset.rule)`);
    if (rules.includes('blunt.dont-know')) throw new Error('a rule switched off before the restart is on again');
  } finally {
    await d.close();
  }
}

async function main() {
  for (const b of ['chrome', 'firefox']) {
    if (!fs.existsSync(path.join(repo, 'dist', b, 'manifest.json'))) {
      throw new Error(`dist/${b} is missing: run scripts/build-extension.sh first`);
    }
  }
  await bundleFixtures();
  const server = await startServer();
  const origin = server.origin;
  try {
    await step('static', 'no-network-apis', () => staticNoNetwork(path.join(repo, 'dist')));
    await step('static', 'manifests', () => staticManifests(path.join(repo, 'dist')));
    await step('static', 'packaging', () => staticPackaging(path.join(repo, 'dist'), repo));
    await step('static', 'popup-text', () => staticPopupText(repo));
    for (const browser of browsers) {
      const extDir = path.join(repo, 'dist', browser === 'chromium' ? 'chrome' : 'firefox');
      const proxy = await startProxy();
      let d;
      try {
        const o = { proxyPort: proxy.port };
        d = browser === 'chromium' ? await launchChromium(extDir, o) : await launchFirefox(extDir, o);
      } catch (e) {
        record(browser, 'launch', false, 0, String((e && e.message) || e));
        await proxy.close();
        continue;
      }
      try {
        await suite(browser, d, origin);
        await noNetwork(browser, d, origin, proxy);
      } finally {
        await d.close().catch(() => {});
        await proxy.close();
      }
      if (browser === 'chromium') await step('chromium', 'settings-survive-restart', () => persistence(origin, extDir));
    }
  } finally {
    await server.close();
  }
  const byBrowser = {};
  for (const r of results) {
    const b = (byBrowser[r.browser] ||= { pass: 0, fail: 0 });
    if (r.ok) b.pass += 1;
    else b.fail += 1;
  }
  console.log('\nsummary:');
  for (const [b, c] of Object.entries(byBrowser)) console.log(`  ${b}: ${c.pass} passed, ${c.fail} failed`);
  const failed = results.filter((r) => !r.ok);
  if (failed.length || !results.length) {
    console.log(`\n${failed.length} failed:`);
    for (const f of failed) console.log(`  ${f.browser} ${f.name}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
