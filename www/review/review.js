// The review page: takes a dropped or chosen file, hands it to the worker, shows progress,
// then the report (the same HTML the CLI writes, in a sandboxed frame) and the downloads.
// Text from the log is only ever shown through textContent or inside that frame.

const $ = (id) => document.getElementById(id);
let worker = null;
let result = null;

function setState(state) {
  document.body.dataset.state = state;
}

// `?csv=0` skips the findings CSV (the benchmark measures the review alone).
const WANT_CSV = new URLSearchParams(location.search).get('csv') !== '0';

function options() {
  const o = { preset: $('preset').value, encoding: $('encoding').value, csv: WANT_CSV };
  const map = $('map').value.trim();
  if (map) o.map = map;
  const platform = $('platform').value;
  if (platform) o.config = { platform };
  return o;
}

function mb(bytes) {
  return (bytes / 1048576).toFixed(1);
}

function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function showProgress(p) {
  const frac = p.total > 0 ? Math.min(1, p.bytes / p.total) : 0;
  $('bar').value = frac;
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? Math.round(p.checked / secs) : 0;
  const eta = frac > 0 ? (secs * (1 - frac)) / frac : 0;
  $('status').textContent =
    `${(frac * 100).toFixed(1)}% · ${mb(p.bytes)}/${mb(p.total)} MB · 已检查 ${p.checked} 条回复 · ` +
    `${rate} 条/秒 · 剩余约 ${clock(eta)}` + (p.malformed ? ` · ${p.malformed} 行无法读取` : '');
}

function card(value, label) {
  const d = document.createElement('div');
  const b = document.createElement('b');
  b.textContent = value;
  const s = document.createElement('span');
  s.textContent = label;
  d.append(b, s);
  return d;
}

function showResult(msg, name) {
  const { report, html, csv, elapsedMs } = msg;
  result = { report, html, csv, name, elapsedMs };
  window.__review = { report, elapsedMs, csvBytes: csv ? csv.size : 0 };
  $('dl-csv').disabled = !csv;
  $('dl-phrasebook').disabled = !report.proposals || report.proposals.phrasebook.entries.length === 0;
  $('dl-pack').disabled = !report.proposals || report.proposals.pack.rules.length === 0;
  const t = report.totals;
  const summary = $('summary');
  summary.replaceChildren(
    card(report.score ? report.score.mean.toFixed(1) : '–', '平均得分'),
    card(String(t.checked), '检查的客服回复'),
    card(String(t.findings), '问题数'),
    card(String(t.sessions), '会话数'),
    card(String(t.malformed), '无法读取的行'),
    card(`${(elapsedMs / 1000).toFixed(1)} 秒`, '用时'),
  );
  $('report').srcdoc = html;
  $('result').hidden = false;
  $('bar').value = 1;
  $('status').textContent = `完成:${t.rows} 条消息,${t.checked} 条客服回复,用时 ${(elapsedMs / 1000).toFixed(1)} 秒`;
  setState('done');
}

function showError(message) {
  const e = $('error');
  e.textContent = message;
  e.hidden = false;
  setState('error');
}

function start(file) {
  if (!file) return;
  if (worker) worker.terminate();
  result = null;
  window.__review = null;
  $('error').hidden = true;
  $('result').hidden = true;
  $('progress').hidden = false;
  showProgress({ bytes: 0, total: file.size, checked: 0, malformed: 0, elapsedMs: 0 });
  setState('running');
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'progress') showProgress(msg);
    else if (msg.type === 'done') showResult(msg, file.name);
    else if (msg.type === 'error') showError(`无法复盘 ${file.name}:${msg.message}`);
  };
  worker.onerror = (event) => showError(`复盘出错:${event.message || '工作线程无法启动'}`);
  worker.postMessage({ file, options: options() });
}

function download(data, name, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

function base(name) {
  return name.replace(/\.[^.]+$/, '') || 'review';
}

$('file').addEventListener('change', (e) => start(e.target.files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  start(e.dataTransfer.files[0]);
});
drop.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    $('file').click();
  }
});
$('dl-html').addEventListener('click', () => result && download(result.html, `${base(result.name)}-复盘.html`, 'text/html;charset=utf-8'));
$('dl-csv').addEventListener('click', () => result && download(result.csv, `${base(result.name)}-问题明细.csv`));
$('dl-json').addEventListener('click', () =>
  result && download(JSON.stringify(result.report, null, 2), `${base(result.name)}-复盘.json`, 'application/json'));
// The proposals: a team phrasebook and a team pack, the formats the extension and the demo
// import (validated there by the same core code).
$('dl-phrasebook').addEventListener('click', () =>
  result && download(JSON.stringify(result.report.proposals.phrasebook, null, 2), `${base(result.name)}-建议话术库.json`, 'application/json'));
$('dl-pack').addEventListener('click', () =>
  result && download(JSON.stringify(result.report.proposals.pack, null, 2), `${base(result.name)}-建议规则包.json`, 'application/json'));
$('report').addEventListener('load', () => {
  const doc = $('report').contentDocument;
  if (doc && doc.documentElement) $('report').style.height = `${doc.documentElement.scrollHeight + 20}px`;
});
