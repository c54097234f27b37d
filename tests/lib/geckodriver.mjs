// The one W3C WebDriver client of the project's browser tests and benchmarks: plain HTTP
// (node 20's fetch) to geckodriver, enough to drive Firefox (selenium-webdriver needs
// node >= 22). Starts and stops geckodriver; used by tests/e2e (the extension), tests/demo,
// tests/review-web and scripts/bench-browser.mjs. A missing geckodriver or Firefox is an
// error, never a skip.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Firefox ESR (FIREFOX_BIN overrides), or an error saying how to install it. */
export function firefoxBinary() {
  const bin = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
  if (!existsSync(bin)) throw new Error(`Firefox not found at ${bin}: run scripts/setup.sh (or set FIREFOX_BIN)`);
  return bin;
}

/** geckodriver from GECKODRIVER, PATH or ~/.cargo/bin (where scripts/setup.sh installs it). */
export function findGeckodriver() {
  if (process.env.GECKODRIVER) return existsSync(process.env.GECKODRIVER) ? process.env.GECKODRIVER : null;
  for (const dir of (process.env.PATH || '').split(':').filter(Boolean)) {
    const p = join(dir, 'geckodriver');
    if (existsSync(p)) return p;
  }
  const cargo = join(process.env.HOME || '/root', '.cargo', 'bin', 'geckodriver');
  return existsSync(cargo) ? cargo : null;
}

/**
 * Start geckodriver (with `extraArgs`); resolves once it listens. `output` collects its
 * stdout/stderr lines, which include Firefox's own output (console messages with
 * devtools.console.stdout.content).
 */
export async function startGeckodriver(extraArgs = []) {
  const bin = findGeckodriver();
  if (!bin) throw new Error('geckodriver not found (GECKODRIVER, PATH, ~/.cargo/bin): run scripts/setup.sh');
  const port = await freePort();
  const proc = spawn(bin, ['--host', '127.0.0.1', '--port', String(port), ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const collect = (buf) => {
    for (const line of buf.toString('utf8').split('\n')) if (line.trim()) output.push(line);
    if (output.length > 5000) output.splice(0, output.length - 5000); // a long session's log stays bounded
  };
  proc.stdout.on('data', collect);
  proc.stderr.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`geckodriver exited (${proc.exitCode}): ${output.slice(-40).join('\n')}`);
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) break;
    } catch (_) {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`geckodriver did not start within 15 s: ${output.slice(-40).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    output,
    stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
    },
  };
}

/** One WebDriver command; resolves to its `value`, throws with the driver's error. */
export async function call(base, method, path, body) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error || r.status} ${v.message || ''}`.trim());
  }
  return json.value;
}

/** One browser session. */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const v = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, v.sessionId);
  }

  /** A Firefox session: headless Firefox ESR with `firefoxOptions` merged in. */
  static firefox(base, { args = [], prefs = {}, ...rest } = {}) {
    return Session.create(base, {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: firefoxBinary(),
        args: ['-headless', ...args],
        prefs: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false, ...prefs },
        ...rest,
      },
    });
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Run an async script: `body` is a function source taking (...args), may return a promise. */
  async run(fnSource, args = []) {
    const script = `const done = arguments[arguments.length - 1];
      const fn = (${fnSource});
      Promise.resolve().then(() => fn(...Array.from(arguments).slice(0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`;
    const v = await this.cmd('POST', '/execute/async', { script, args });
    if (v && v.err) throw new Error(`in page: ${v.err}`);
    return v ? v.ok : null;
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  click(el) {
    return this.cmd('POST', `/element/${el}/click`, {});
  }

  sendKeys(el, text) {
    return this.cmd('POST', `/element/${el}/value`, { text });
  }

  setWindowRect(width, height) {
    return this.cmd('POST', '/window/rect', { width, height });
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  delete() {
    return this.cmd('DELETE', '');
  }
}
