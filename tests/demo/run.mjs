// Runs the demo site's browser tests (plan.mjs) in real Chromium and Firefox.
//
//   node tests/demo/run.mjs --base http://127.0.0.1:PORT/ [--browser chromium|firefox|all]
//
// The site must already be served (scripts/test.d/40-demo.sh does that). A missing browser or
// driver is a failure, never a skip. Exit code 1 when any check fails.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { run } from './plan.mjs';
import { Session, startGeckodriver } from '../lib/geckodriver.mjs';

const CHROMIUM = process.env.KEFU_CHROMIUM || '/usr/bin/chromium';

function args() {
  const out = { base: null, browser: 'all' };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === '--base') out.base = a[++i];
    else if (a[i] === '--browser') out.browser = a[++i];
    else throw new Error(`unknown argument ${a[i]}`);
  }
  if (!out.base) throw new Error('--base URL is required (where www/ is served)');
  if (!out.base.endsWith('/')) out.base += '/';
  return out;
}

async function withChromium(base) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url || page.url()})`);
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message} (${page.url()})`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('requestfailed', (r) => errors.push(`load failed: ${r.url()} ${r.failure() ? r.failure().errorText : ''}`));
    const driver = {
      goto: (url) => page.goto(url, { waitUntil: 'load' }),
      run: (src, a = []) => page.evaluate(({ src, a }) => (0, eval)(`(${src})`)(...a), { src, a }),
      click: (css) => page.click(css),
      type: (css, text) => page.locator(css).first().pressSequentially(text),
      resize: (w, h) => page.setViewportSize({ width: w, height: h }),
      errors: async () => errors.slice(),
    };
    return await run(driver, base);
  } finally {
    await browser.close();
  }
}

/** Firefox console output that is the page's, not the browser's own chatter. */
function pageErrors(lines, origin) {
  const out = [];
  for (const line of lines) {
    if (line.startsWith('JavaScript error: ') && line.includes(origin)) out.push(line);
    if (line.startsWith('console.error: ') && !/^console\.error: (RSLoader|\[Exception|.*resource:\/\/|.*chrome:\/\/)/.test(line)) out.push(line);
  }
  return out;
}

const FAILED_LOADS = `() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .filter((e) => e.responseStatus >= 400).map((e) => 'HTTP ' + e.responseStatus + ': ' + e.name)`;

async function withFirefox(base) {
  const gd = await startGeckodriver();
  let session = null;
  try {
    session = await Session.firefox(gd.base, {
      args: ['-width', '1440', '-height', '900'],
      prefs: { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': false },
    });
    await session.setWindowRect(1440, 900);
    const loads = [];
    const collectLoads = async () => {
      try {
        loads.push(...(await session.run(FAILED_LOADS)));
      } catch (_) {
        /* no page yet */
      }
    };
    const driver = {
      goto: async (url) => {
        await collectLoads();
        await session.navigate(url);
      },
      run: (src, a = []) => session.run(src, a),
      click: async (css) => session.click(await session.find(css)),
      type: async (css, text) => session.sendKeys(await session.find(css), text),
      resize: (w, h) => session.setWindowRect(w, h),
      errors: async () => {
        await collectLoads();
        return [...pageErrors(gd.output, new URL(base).origin), ...new Set(loads)];
      },
    };
    return await run(driver, base);
  } finally {
    if (session) await session.delete().catch(() => {});
    gd.stop();
  }
}

async function main() {
  const { base, browser } = args();
  const browsers = browser === 'all' ? ['chromium', 'firefox'] : [browser];
  let failed = 0;
  for (const name of browsers) {
    const t0 = Date.now();
    let results;
    try {
      results = name === 'chromium' ? await withChromium(base) : name === 'firefox' ? await withFirefox(base) : null;
      if (!results) throw new Error(`unknown browser ${name}`);
    } catch (e) {
      results = [{ name: `${name} could not run`, ok: false, note: e && e.stack ? e.stack : String(e) }];
    }
    console.log(`\n## ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    for (const r of results) {
      console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.note ? `  — ${r.note}` : ''}`);
      if (!r.ok) failed += 1;
    }
  }
  console.log(failed ? `\n${failed} check(s) failed` : '\nall checks passed');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
