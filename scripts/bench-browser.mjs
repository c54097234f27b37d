#!/usr/bin/env node
// Runs the benchmark page (www/bench/) headless in Chromium and in Firefox and prints one
// table per browser: fetch, compile + instantiate, new Coach(), the first check, check
// latency p50/p99 (after a time-based warm-up, see www/bench/bench.js) for drafts of
// 20, 200, 1,000 and 5,000 characters, and harper.js / @huacnlee/autocorrect side by side
// on inputs of the same length.
//
//   node scripts/bench-browser.mjs                  both browsers, full run (~2-4 min)
//   node scripts/bench-browser.mjs --quick          fewer samples (the test stage uses this)
//   node scripts/bench-browser.mjs --browser firefox
//   node scripts/bench-browser.mjs --json out.json  also write the raw results
//
// Needs pkg/ (scripts/build-wasm.sh) and what scripts/setup.sh installs: /usr/bin/chromium
// (driven by playwright-core), /usr/bin/firefox-esr and geckodriver (plain WebDriver over
// HTTP). Nothing is downloaded. The page is served from the repository root on 127.0.0.1,
// cross-origin isolated (COOP/COEP) so that the browsers' timers are as fine as they get.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, startGeckodriver } from '../tests/lib/geckodriver.mjs';
import { serveStatic } from '../tests/lib/static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const which = args.includes('--browser') ? args[args.indexOf('--browser') + 1] : 'all';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run'];
const PAGE_TIMEOUT_MS = 15 * 60 * 1000;

function die(message) {
  console.error(`bench-browser: ${message}`);
  process.exit(1);
}

if (!['all', 'chromium', 'firefox'].includes(which)) die(`--browser must be chromium, firefox or all, got "${which}"`);
if (!existsSync(join(root, 'pkg', 'kefu_coach_bg.wasm'))) die('pkg/ is missing: run scripts/build-wasm.sh first');

// ---- the repository root over HTTP, cross-origin isolated (so the timers are as fine as they get)
const serve = () => serveStatic({
  roots: { '/': root },
  headers: () => ({
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
  }),
});

// ---- Chromium through playwright-core (it downloads nothing; the Debian binary is used)
async function runChromium(url) {
  if (!existsSync(CHROMIUM)) die(`${CHROMIUM} is missing: run scripts/setup.sh`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => typeof window.kefuBench === 'function', null, { timeout: 60_000 }).catch(() => {
      throw new Error(`the benchmark page did not load: ${errors.join('; ') || 'no kefuBench()'}`);
    });
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    return await page.evaluate((opts) => window.kefuBench(opts), { quick });
  } finally {
    await browser.close();
  }
}

// ---- Firefox through geckodriver (tests/lib/geckodriver.mjs: plain WebDriver over HTTP)
async function runFirefox(url) {
  const profile = mkdtempSync(join(tmpdir(), 'kefu-bench-ff-'));
  const gd = await startGeckodriver();
  let session = null;
  try {
    session = await Session.firefox(gd.base, { args: ['-profile', profile] });
    await session.cmd('POST', '/timeouts', { script: PAGE_TIMEOUT_MS, pageLoad: 120_000 });
    await session.navigate(url);
    const result = await session.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        const start = Date.now();
        (function wait() {
          if (typeof window.kefuBench === 'function') {
            window.kefuBench(${JSON.stringify({ quick })}).then(done, (e) => done({ error: String(e && e.stack || e) }));
          } else if (Date.now() - start > 60000) {
            done({ error: 'the benchmark page did not load (no kefuBench())' });
          } else setTimeout(wait, 50);
        })();`,
      args: [],
    });
    if (result?.error) throw new Error(result.error);
    return result;
  } finally {
    if (session) await session.delete().catch(() => {});
    gd.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---- the table
const fmt = (ms) => (ms === undefined ? '—' : ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const pad = (s, n) => String(s).padStart(n);

function print(name, r) {
  console.log(`\n${name}: ${r.userAgent}`);
  console.log(`  timer resolution ${fmt(r.timerResolutionMs)}${r.crossOriginIsolated ? ' (cross-origin isolated)' : ''}; ` +
    `wasm ${r.wasmBytes} bytes; ${r.quick ? 'quick run' : 'full run'}`);
  console.log(`  fetch (bytes)        ${fmt(r.fetchMs)}`);
  console.log(`  compile+instantiate  ${fmt(r.instantiateMs)} (first), ${fmt(r.instantiateMedianMs)} (median of ${r.instantiateRepeats} more)   (streaming compile during fetch: ${fmt(r.streamingCompileMs)})`);
  console.log(`  new Coach()          ${fmt(r.newCoachMs)} (first), ${fmt(r.newCoachWarmMs)} (median after)`);
  console.log(`  instantiate + new    ${fmt(r.instantiateMs + r.newCoachMs)} (first), ${fmt(r.instantiateMedianMs + r.newCoachMs)} (median)   (goal <= 15 ms)`);
  console.log(`  first check          ${fmt(r.firstCheckMs)} (indexes the phrase lists)`);
  console.log(`  warm-up per row      ${fmt(r.warmMs)} per library`);
  if (r.harperLoadMs !== undefined) console.log(`  harper.js load       ${fmt(r.harperLoadMs)}`);
  if (r.autocorrectLoadMs !== undefined) console.log(`  autocorrect load     ${fmt(r.autocorrectLoadMs)}`);
  if (r.harperError) console.log(`  harper.js FAILED: ${r.harperError}`);
  if (r.autocorrectError) console.log(`  autocorrect FAILED: ${r.autocorrectError}`);
  if (r.pack) console.log(`  with a ${r.pack.patterns}-pattern team pack, ${r.pack.size} chars: p50 ${fmt(r.pack.kefu.p50)}, p99 ${fmt(r.pack.kefu.p99)}`);
  console.log('  chars | Kefu p50   Kefu p99  (batch) | harper p50  harper p99 | autocorr p50 autocorr p99 | harper/Kefu autocorr/Kefu');
  for (const row of r.rows) {
    const ratio = (peer) => (peer ? `${(peer.p50 / row.kefu.p50).toFixed(1)}×` : '—');
    console.log(`  ${pad(row.size, 5)} | ${pad(fmt(row.kefu.p50), 10)} ${pad(fmt(row.kefu.p99), 10)} ${pad(`(${row.kefu.batch})`, 7)} | ` +
      `${pad(fmt(row.harper?.p50), 10)} ${pad(fmt(row.harper?.p99), 10)} | ${pad(fmt(row.autocorrect?.p50), 12)} ${pad(fmt(row.autocorrect?.p99), 12)} | ` +
      `${pad(ratio(row.harper), 11)} ${pad(ratio(row.autocorrect), 13)}`);
  }
}

const server = await serve();
const url = `${server.origin}/www/bench/index.html`;
const results = {};
let failed = false;
try {
  for (const [name, run] of [['chromium', runChromium], ['firefox', runFirefox]]) {
    if (which !== 'all' && which !== name) continue;
    try {
      results[name] = await run(url);
      print(name === 'chromium' ? 'Chromium' : 'Firefox', results[name]);
      if (results[name].harperError || results[name].autocorrectError) failed = true;
    } catch (e) {
      failed = true;
      console.error(`bench-browser: ${name} failed: ${e.stack || e}`);
    }
  }
} finally {
  server.close(); // not awaited: a browser may still hold a keep-alive connection
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
