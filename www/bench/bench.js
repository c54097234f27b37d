// In-page benchmark of the coach, with harper.js and @huacnlee/autocorrect side by side.
// window.kefuBench(options) runs everything and resolves to a plain object (the headless
// runner scripts/bench-browser.mjs reads it); the button renders the same as a table.
//
// Timers: browsers coarsen performance.now() (Firefox to 1 ms, 20 µs when cross-origin
// isolated; Chromium to 100 µs, 5 µs isolated). So a latency sample is the mean of a batch
// of calls long enough to be measured well (≥ 40 timer ticks, at least one call); p50/p99
// are taken over those samples. The batch size is reported with each row.
//
// Warm-up: every function (ours and the peers') runs for WARM_MS before it is measured. Both
// engines start wasm in a baseline compiler and move hot functions to the optimising one in
// the background; a handful of calls would time the baseline code (Chromium needs ~300 ms of
// checking to settle). The first call of all is reported on its own (first check).
import init, { Coach } from '../pkg/kefu_coach.js';
import { draftOf, englishOf } from './drafts.js';

const SIZES = [20, 200, 1000, 5000, 20000];
/** Patterns of the kind a team writes (src/packs.rs), for the team-pack row. */
const PACK_PATTERNS = ['呵呵+', '亲{2,}', '(?:没办法|没有办法)', '自己(?:看|查)', '\\d{3,}元', '[你您]们?自己', '快递(?:员|公司)?',
  '催(?:一下|不了)', '不(?:行|可以)了?', '马上|立刻|立即', '退(?:款|货)', '差评', '投诉', '(?:谢谢|感谢)', '好的?', '稍等',
  '\\s{2,}', '[a-z]{4,}', '哦{2,}', '!{2,}'];
const WARM_MS = 400;
const PEERS = '../../node_modules/';

const now = () => performance.now();

function timerResolutionMs() {
  let smallest = Infinity;
  for (let i = 0; i < 50; i++) {
    const a = now();
    let b = now();
    while (b === a) b = now();
    smallest = Math.min(smallest, b - a);
  }
  return smallest;
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Per-call latency (ms) of a synchronous fn: p50/p99 over `samples` batches. */
function measureSync(fn, samples, tickMs) {
  const warm = now();
  for (let i = 0; i < 5 || now() - warm < WARM_MS; i++) fn();
  const once = (() => { const t = now(); fn(); return Math.max(now() - t, tickMs / 4); })();
  const batch = Math.max(1, Math.ceil((40 * tickMs) / once));
  const out = [];
  for (let s = 0; s < samples; s++) {
    const t = now();
    for (let i = 0; i < batch; i++) fn();
    out.push((now() - t) / batch);
  }
  out.sort((a, b) => a - b);
  return { p50: quantile(out, 0.5), p99: quantile(out, 0.99), batch, samples };
}

/** Same for an async fn (harper.js's public lint() returns a promise). */
async function measureAsync(fn, samples, tickMs) {
  const warm = now();
  for (let i = 0; i < 3 || now() - warm < WARM_MS; i++) await fn();
  const t0 = now();
  await fn();
  const once = Math.max(now() - t0, tickMs / 4);
  const batch = Math.max(1, Math.ceil((40 * tickMs) / once));
  const out = [];
  for (let s = 0; s < samples; s++) {
    const t = now();
    for (let i = 0; i < batch; i++) await fn();
    out.push((now() - t) / batch);
  }
  out.sort((a, b) => a - b);
  return { p50: quantile(out, 0.5), p99: quantile(out, 0.99), batch, samples };
}

async function loadHarper() {
  const t = now();
  const { LocalLinter } = await import(PEERS + 'harper.js/dist/index.js');
  const { binary } = await import(PEERS + 'harper.js/dist/binary.js');
  const linter = new LocalLinter({ binary });
  await linter.setup();
  return { linter, loadMs: now() - t };
}

/** autocorrect is built for bundlers (it imports its .wasm as a module): wire it by hand. */
async function loadAutocorrect() {
  const t = now();
  const glue = await import(PEERS + '@huacnlee/autocorrect/autocorrect_bg.js');
  const url = new URL(PEERS + '@huacnlee/autocorrect/autocorrect_bg.wasm', import.meta.url);
  const { instance } = await WebAssembly.instantiateStreaming(fetch(url), { './autocorrect_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  if (instance.exports.__wbindgen_start) instance.exports.__wbindgen_start();
  return { autocorrect: glue, loadMs: now() - t };
}

export async function kefuBench({ quick = false, peers = true } = {}) {
  const tick = timerResolutionMs();
  const result = {
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    timerResolutionMs: tick,
    quick,
  };

  result.warmMs = WARM_MS;
  // Loading, in steps (the glue JS is already loaded): the bytes arrive (fetch; from an
  // extension's own files or the HTTP cache in real use), then compile + instantiate them.
  // Streaming compilation (compiling while the bytes arrive, as `init(url)` does) is timed
  // on its own, as a second module, after the first check.
  const wasmUrl = new URL('../pkg/kefu_coach_bg.wasm', import.meta.url);
  let t = now();
  const bytes = await (await fetch(wasmUrl, { cache: 'no-store' })).arrayBuffer();
  result.fetchMs = now() - t;
  t = now();
  await init({ module_or_path: bytes });
  result.instantiateMs = now() - t;
  t = now();
  const coach = new Coach();
  result.newCoachMs = now() - t;
  t = now();
  coach.check('亲,这个不知道。');
  result.firstCheckMs = now() - t;
  // Streaming compilation, after the first check so that it doesn't share the first check's
  // compile threads.
  t = now();
  await WebAssembly.compileStreaming(fetch(wasmUrl, { cache: 'no-store' }));
  result.streamingCompileMs = now() - t;
  // The first compile + instantiate is one sample on a machine that may be busy (Firefox
  // compiles the whole module on its helper threads; on 2 cores a run varies by ±3 ms), so
  // it is repeated: compile the bytes, instantiate with stand-in imports (the module has no
  // start function; the glue's own imports can be given once per page).
  const module = await WebAssembly.compile(bytes);
  const imports = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') throw new Error(`unexpected ${kind} import ${from}.${name}`);
    (imports[from] ??= {})[name] = () => { throw new Error(`${from}.${name} called`); };
  }
  const loads = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const s = now();
    await WebAssembly.instantiate(await WebAssembly.compile(bytes), imports);
    loads.push(now() - s);
  }
  loads.sort((a, b) => a - b);
  result.instantiateRepeats = loads.length;
  result.instantiateMedianMs = quantile(loads, 0.5);
  const constructs = [];
  for (let i = 0; i < (quick ? 5 : 20); i++) {
    const s = now();
    new Coach().free();
    constructs.push(now() - s);
  }
  constructs.sort((a, b) => a - b);
  result.newCoachWarmMs = quantile(constructs, 0.5);
  result.wasmBytes = bytes.byteLength;

  let harper = null;
  let autocorrect = null;
  if (peers) {
    try { harper = await loadHarper(); result.harperLoadMs = harper.loadMs; } catch (e) { result.harperError = String(e); }
    try { autocorrect = await loadAutocorrect(); result.autocorrectLoadMs = autocorrect.loadMs; } catch (e) { result.autocorrectError = String(e); }
  }

  result.rows = [];
  for (const size of SIZES) {
    const samples = quick ? (size >= 5000 ? 15 : 40) : (size >= 5000 ? 60 : 200);
    const zh = draftOf(size);
    const en = englishOf(size);
    const req = { draft: zh, customer: '我昨天下的单,怎么还没发货?能不能快点?', first_reply: false };
    const row = { size, findings: coach.check(req).findings.length, kefu: measureSync(() => coach.check(req), samples, tick) };
    if (harper) {
      const peerSamples = quick ? 8 : (size >= 1000 ? 20 : 60);
      row.harper = await measureAsync(() => harper.linter.lint(en, { language: 'plaintext' }), peerSamples, tick);
    }
    if (autocorrect) {
      row.autocorrect = measureSync(() => autocorrect.autocorrect.lintFor(zh, 'text'), quick ? 20 : 100, tick);
    }
    result.rows.push(row);
  }
  // A team pack of 20 patterns (src/pattern: the built-in rules use none), 200 chars.
  const packed = new Coach({ packs: [{ name: 'bench', rules: PACK_PATTERNS.map((pattern, i) => (
    { id: `p${i}`, pattern, category: 'impatience', severity: 'hint', message: '团队规则' })) }] });
  const packReq = { draft: draftOf(200), customer: '我昨天下的单,怎么还没发货?能不能快点?', first_reply: false };
  result.pack = { patterns: PACK_PATTERNS.length, size: 200, kefu: measureSync(() => packed.check(packReq), quick ? 40 : 200, tick) };
  packed.free();
  coach.free();
  return result;
}

window.kefuBench = kefuBench;

// ---- the page's own table (textContent only)
const ms = (x) => (x === undefined ? '—' : x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(2)} ms`);

function render(r) {
  const out = document.getElementById('out');
  out.replaceChildren();
  const facts = document.createElement('p');
  facts.textContent = `下载 ${ms(r.fetchMs)};编译+实例化 ${ms(r.instantiateMs)}(再测 ${r.instantiateRepeats} 次中位数 ${ms(r.instantiateMedianMs)});边下载边编译 ${ms(r.streamingCompileMs)};new Coach() ${ms(r.newCoachMs)}(之后 ${ms(r.newCoachWarmMs)});首次检查 ${ms(r.firstCheckMs)};计时精度 ${ms(r.timerResolutionMs)}`;
  out.append(facts);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['字数', 'Kefu p50', 'Kefu p99', 'harper.js p50', 'harper.js p99', 'autocorrect p50', 'autocorrect p99', 'harper ÷ Kefu']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of r.rows) {
    const tr = body.insertRow();
    const cells = [row.size, ms(row.kefu.p50), ms(row.kefu.p99), ms(row.harper?.p50), ms(row.harper?.p99),
      ms(row.autocorrect?.p50), ms(row.autocorrect?.p99), row.harper ? `${(row.harper.p50 / row.kefu.p50).toFixed(0)}×` : '—'];
    for (const c of cells) tr.insertCell().textContent = String(c);
  }
  out.append(table);
}

const button = document.getElementById('run');
if (button) {
  button.addEventListener('click', async () => {
    const status = document.getElementById('status');
    button.disabled = true;
    status.textContent = '运行中…';
    try {
      render(await kefuBench({ quick: document.getElementById('quick').checked }));
      status.textContent = '完成。';
    } catch (e) {
      status.textContent = `出错: ${e}`;
    } finally {
      button.disabled = false;
    }
  });
}
