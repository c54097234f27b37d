// Two real browsers behind one small interface: goto, js (evaluate an expression), setFile,
// close. Chromium through playwright-core (the Debian binary, nothing downloaded), Firefox ESR
// through geckodriver's WebDriver HTTP API. A missing browser is an error, never a skip.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

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

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function wd(base, method, url, body) {
  const r = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`WebDriver ${method} ${url}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

export async function firefox() {
  const gecko = process.env.GECKODRIVER || onPath('geckodriver') || path.join(os.homedir(), '.cargo/bin/geckodriver');
  if (!fs.existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: run scripts/setup.sh`);
  if (!fs.existsSync(gecko)) throw new Error(`geckodriver not found (${gecko}): run scripts/setup.sh`);
  const port = await freePort();
  const proc = spawn(gecko, ['--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr.on('data', (b) => { log = (log + b).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch { /* not up yet */ }
    if (i > 150) throw new Error(`geckodriver did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId } = await wd(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
      binary: FIREFOX, args: ['-headless'], prefs: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
    } } },
  });
  const cmd = (method, url, body) => wd(base, method, `/session/${sessionId}${url}`, body);
  await cmd('POST', '/timeouts', { script: 120000, pageLoad: 60000 });
  const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
  return {
    name: 'firefox',
    errors: [],
    goto: (url) => cmd('POST', '/url', { url }),
    js: (expr) => cmd('POST', '/execute/sync', { script: `return (${expr});`, args: [] }),
    setFile: async (sel, file) => {
      const el = await cmd('POST', '/element', { using: 'css selector', value: sel });
      await cmd('POST', `/element/${el[ELEMENT]}/value`, { text: path.resolve(file) });
    },
    frameText: (sel) => cmd('POST', '/execute/sync', {
      script: 'return document.querySelector(arguments[0]).contentDocument.body.innerText;', args: [sel],
    }),
    close: async () => {
      try { await cmd('DELETE', ''); } finally { proc.kill(); }
    },
  };
}
