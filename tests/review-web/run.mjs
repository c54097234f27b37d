// Browser tests of the review page (www/review/) in real Chromium and Firefox: file input and
// drag & drop, UTF-8/GBK/malformed files, the JDDC sample giving the same report as the CLI,
// a 10 MB log that finishes without freezing the page, nothing fetched from elsewhere.
//
//   node tests/review-web/run.mjs                 both browsers
//   node tests/review-web/run.mjs chromium        one browser
//   node tests/review-web/run.mjs --bench FILE    Chromium throughput on FILE (turns/s)
//
// Needs pkg/ (scripts/build-wasm.sh) and, for the JDDC comparison, the CLI binary
// (cargo build; or KEFU_BIN).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import { chromium, firefox } from './drivers.mjs';
import { serveStatic } from '../lib/static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIX = path.join(ROOT, 'tests/fixtures/review');
const JDDC = path.resolve(ROOT, '../shared/corpus/jddc2019_chat_0.1per.tsv');
const BIN = process.env.KEFU_BIN || path.join(ROOT, 'target/debug/kefu-coach');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(b, expr, timeoutMs, what) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await b.js(expr)) return;
    if (Date.now() > end) throw new Error(`${b.name}: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Review `file` through the file input; returns the report, or throws the page's error. */
async function reviewFile(b, file, { timeoutMs = 60000, expectError = false } = {}) {
  await b.js("(document.getElementById('file').value = '', window.__review = null, document.body.dataset.state = 'idle', true)");
  await b.setFile('#file', file);
  await waitFor(b, "['done', 'error'].includes(document.body.dataset.state)", timeoutMs, `review of ${path.basename(file)}`);
  const state = await b.js('document.body.dataset.state');
  const error = await b.js("document.getElementById('error').textContent");
  if (expectError) {
    assert.equal(state, 'error', `${b.name}: ${path.basename(file)} should fail`);
    return error;
  }
  assert.equal(state, 'done', `${b.name}: ${path.basename(file)}: ${error}`);
  return b.js('window.__review.report');
}

const rulesOf = (report) => report.rules.map((r) => r.rule);

/** A synthetic chat log of at least `bytes` bytes (CSV with times and agents). */
function syntheticLog(bytes) {
  const turns = [
    ['客户', '你好,我的快递三天了还没到'],
    ['客服', '您好,很高兴为您服务!我马上为您查询物流,请稍等。'],
    ['客户', '能不能快点,着急用'],
    ['客服', '不知道'],
    ['客户', '那我怎么办'],
    ['客服', '亲,已经帮您催促快递,预计明天18:00前送达,送达前会有短信通知您。'],
  ];
  const lines = ['会话ID,时间,角色,客服,内容'];
  let size = lines[0].length;
  for (let s = 0; size < bytes; s++) {
    const t0 = Date.UTC(2024, 0, 1) / 1000 + s * 600;
    turns.forEach(([role, text], i) => {
      const when = new Date((t0 + i * 25) * 1000).toISOString().replace('T', ' ').slice(0, 19);
      const line = `S${s},${when},${role},${role === '客服' ? `客服${s % 7}` : ''},"${text}"`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    });
  }
  return lines.join('\n') + '\n';
}

async function scenarios(b, url, tmp) {
  await b.goto(`${url}/review/`);
  await waitFor(b, "document.body.dataset.state === 'idle'", 20000, 'the page');

  // Quoted CSV: commas, newlines and quotes inside fields; HTML-looking text stays text.
  let r = await reviewFile(b, path.join(FIX, 'quoted.csv'));
  assert.equal(r.input.preset, 'csv');
  assert.equal(r.totals.checked, 4);
  assert.equal(r.totals.malformed, 0);
  assert.ok(rulesOf(r).includes('blunt.dont-know'));
  assert.ok(r.response_time && r.response_time.replies === 4, 'response times from the time column');
  const frameText = await b.frameText('#report');
  assert.ok(frameText.includes('客服话术复盘报告'), `${b.name}: the report is shown`);
  assert.ok(frameText.includes('<script>alert(1)</script>'), `${b.name}: customer text shown as text`);
  assert.ok(frameText.includes('<b>不知道</b>'), `${b.name}: agent text shown as text`);
  assert.equal(await b.js("document.getElementById('report').contentDocument.querySelectorAll('script').length"), 0,
    `${b.name}: no script in the report`);
  assert.ok((await b.js('window.__review.csvBytes')) > 100, 'findings CSV built');
  assert.match(await b.js("document.getElementById('summary').textContent"), /检查的客服回复/);

  // GBK export, detected.
  r = await reviewFile(b, path.join(FIX, 'simple-gbk.csv'));
  assert.equal(r.input.encoding, 'gb18030');
  assert.ok(rulesOf(r).includes('blunt.dont-know'));
  assert.ok(rulesOf(r).includes('greeting.missing-greeting'));

  // The same file forced to UTF-8: a clear error, not garbage.
  await b.js("(document.getElementById('encoding').value = 'utf-8', true)");
  const err = await reviewFile(b, path.join(FIX, 'simple-gbk.csv'), { expectError: true });
  assert.match(err, /编码/);
  await b.js("(document.getElementById('encoding').value = 'auto', true)");

  // Malformed rows: listed by line, the rest reviewed.
  r = await reviewFile(b, path.join(FIX, 'malformed.csv'));
  assert.equal(r.totals.malformed, 5);
  assert.deepEqual(r.malformed.shown.map((m) => m.line), [3, 4, 5, 6, 8]);
  assert.equal(r.totals.checked, 2);
  assert.ok((await b.frameText('#report')).includes('引号未闭合'));

  // JSON Lines with a mapping typed into the page.
  await b.js("(document.getElementById('map').value = 'text=message', true)");
  r = await reviewFile(b, path.join(FIX, 'chat.jsonl'));
  assert.equal(r.input.preset, 'jsonl');
  assert.deepEqual(r.malformed.shown.map((m) => m.line), [3, 5]);
  await b.js("(document.getElementById('map').value = '', true)");

  // Drag and drop.
  const bytes = [...fs.readFileSync(path.join(FIX, 'mixed.tsv'))];
  await b.js(`(() => {
    window.__review = null;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(${JSON.stringify(bytes)})], 'dropped.tsv'));
    const drop = document.getElementById('drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return true;
  })()`);
  await waitFor(b, "document.body.dataset.state === 'done' && !!window.__review", 30000, 'the dropped file');
  r = await b.js('window.__review.report');
  assert.equal(r.totals.malformed, 1);
  assert.equal(r.malformed.shown[0].line, 3);

  // The JDDC sample: the page's report equals the CLI's.
  if (fs.existsSync(JDDC)) {
    if (!fs.existsSync(BIN)) throw new Error(`${BIN} missing: run cargo build (or set KEFU_BIN)`);
    const cli = JSON.parse(execFileSync(BIN, ['review', JDDC, '--json', '--threads', '1', '--no-progress'], { maxBuffer: 1 << 28 }));
    r = await reviewFile(b, JDDC, { timeoutMs: 120000 });
    assert.equal(r.totals.rows, 12136);
    if (!isDeepStrictEqual(r, cli)) {
      const dump = path.join(os.tmpdir(), `kefu-review-${b.name}-jddc.json`);
      fs.writeFileSync(dump, JSON.stringify({ page: r, cli }, null, 1));
      throw new Error(`${b.name}: the page and the CLI give different reports on JDDC (both in ${dump}); ` +
        'are pkg/ and the CLI built from the same sources?');
    }
    // Issue 16: situations and the proposals to download, in the formats the demo imports.
    assert.ok(r.situations.length > 0 && r.proposals.phrasebook.entries.length > 0 && r.proposals.pack.rules.length > 0,
      `${b.name}: situations and proposals`);
    assert.equal(await b.js("document.getElementById('dl-phrasebook').disabled || document.getElementById('dl-pack').disabled"), false,
      `${b.name}: the proposals can be downloaded`);
    console.log(`  ${b.name}: JDDC sample ${r.totals.checked} agent turns in ${(await b.js('window.__review.elapsedMs')).toFixed(0)} ms, same report as the CLI`);
  } else {
    console.log(`  ${b.name}: skipped the JDDC comparison: ${JDDC} not found`);
  }

  // A 10 MB log: finishes, and the page keeps responding (timer gaps stay short).
  const big = path.join(tmp, 'big.csv');
  if (!fs.existsSync(big)) fs.writeFileSync(big, syntheticLog(10 * 1024 * 1024));
  await b.js(`(() => {
    window.__gap = 0;
    let last = performance.now();
    clearInterval(window.__tick);
    window.__tick = setInterval(() => { const n = performance.now(); window.__gap = Math.max(window.__gap, n - last); last = n; }, 20);
    return true;
  })()`);
  r = await reviewFile(b, big, { timeoutMs: 300000 });
  const gap = await b.js('(clearInterval(window.__tick), window.__gap)');
  const ms = await b.js('window.__review.elapsedMs');
  assert.equal(r.totals.malformed, 0);
  assert.ok(r.totals.checked > 50000, `${r.totals.checked} turns checked`);
  assert.ok(gap < 1000, `${b.name}: the page froze for ${gap.toFixed(0)} ms during the review`);
  console.log(`  ${b.name}: 10 MB log, ${r.totals.rows} turns in ${(ms / 1000).toFixed(1)} s ` +
    `(${Math.round(r.totals.rows / (ms / 1000))} turns/s), longest main-thread gap ${gap.toFixed(0)} ms`);

  assert.deepEqual(b.errors, [], `${b.name}: page errors`);
  if (b.requests) {
    const foreign = b.requests.filter((u) => !u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], `${b.name}: nothing leaves the browser`);
  }
}

async function bench(file) {
  const server = await serveStatic({ roots: { '/': path.join(ROOT, 'www') } });
  const b = await chromium();
  try {
    await b.goto(`${server.origin}/review/?csv=0`);
    await waitFor(b, "document.body.dataset.state === 'idle'", 20000, 'the page');
    const r = await reviewFile(b, file, { timeoutMs: 3600000 });
    const secs = (await b.js('window.__review.elapsedMs')) / 1000;
    console.log(`chromium: ${r.totals.rows} turns (${r.totals.checked} agent turns checked) in ${secs.toFixed(1)} s: ` +
      `${Math.round(r.totals.rows / secs)} turns/s, ${Math.round(r.totals.checked / secs)} agent turns checked/s`);
  } finally {
    await b.close();
    server.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--bench') return bench(path.resolve(args[1]));
  if (!fs.existsSync(path.join(ROOT, 'pkg/kefu_coach_review_bg.wasm'))) throw new Error('pkg/kefu_coach_review_bg.wasm missing: run scripts/build-wasm.sh');
  const which = args.length ? args : ['chromium', 'firefox'];
  const server = await serveStatic({ roots: { '/': path.join(ROOT, 'www') } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-review-web-'));
  let failed = 0;
  try {
    for (const name of which) {
      const launch = { chromium, firefox }[name];
      if (!launch) throw new Error(`unknown browser ${name}`);
      const started = Date.now();
      const b = await launch();
      try {
        await scenarios(b, server.origin, tmp);
        console.log(`ok   review page in ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failed++;
        console.error(`FAIL review page in ${name}: ${e.stack || e}`);
      } finally {
        await b.close();
      }
    }
  } finally {
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
