// Static checks of the built extension (dist/chrome, dist/firefox):
// - no network API anywhere in our code. The only fetch is wasm-bindgen's loader reading the
//   extension's own .wasm (pkg/kefu_coach.js, also bundled into extension/content.js), called
//   with runtime.getURL(...) only. Complements the browser-level request log.
// - the manifests expose nothing a page could use to fingerprint the extension beyond what the
//   content script must load, and each browser gets only the keys it understands.
import fs from 'node:fs';
import path from 'node:path';

const NETWORK = /\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|navigator\.connection)/;
const GLUE = path.join('pkg', 'kefu_coach.js');

/** The text of a file without the wasm-bindgen glue (a whole file, or a module of a bundle:
 *  esbuild marks each module with a `// <path>` line). */
function ownCode(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith(GLUE)) return '';
  const parts = text.split(/^\s*\/\/ (\S+\.js)$/m);
  if (parts.length === 1) return text;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) if (!parts[i].endsWith('pkg/kefu_coach.js')) out += parts[i + 1];
  return out;
}

export function staticNoNetwork(dist) {
  const hits = [];
  let files = 0;
  for (const b of ['chrome', 'firefox']) {
    for (const file of walk(path.join(dist, b))) {
      if (!/\.(js|html)$/.test(file)) continue;
      files += 1;
      const text = ownCode(file);
      if (NETWORK.test(text)) hits.push(path.relative(dist, file));
      if (/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(text)) hits.push(`${path.relative(dist, file)} (innerHTML)`);
    }
  }
  if (hits.length) throw new Error(`network or innerHTML use in: ${hits.join(', ')}`);
  if (!files) throw new Error('no extension files found under dist/');
  return `${files} files clean`;
}

// What pages may load from the extension: only what the content script fetches by URL. The
// content script itself is one bundled classic script (no module imports by URL), so that is
// the core's .wasm alone.
const WEB_ACCESSIBLE = ['pkg/kefu_coach_bg.wasm'];

/** A web_accessible_resources pattern as a RegExp (`*` matches any characters, `/` included,
 *  as in both browsers). */
const glob = (p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

export function staticManifests(dist) {
  const notes = [];
  for (const b of ['chrome', 'firefox']) {
    const dir = path.join(dist, b);
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const files = [...walk(dir)].map((f) => path.relative(dir, f).split(path.sep).join('/'));
    const war = m.web_accessible_resources || [];
    const exposed = new Set();
    for (const w of war) {
      for (const p of w.resources || []) {
        const re = glob(p.replace(/^\//, ''));
        const hit = files.filter((f) => re.test(f));
        if (!hit.length) throw new Error(`${b}: web_accessible_resources pattern ${p} matches no file`);
        for (const f of hit) exposed.add(f);
      }
      if (b === 'chrome' && w.use_dynamic_url !== true) throw new Error(`chrome: a web_accessible_resources entry without use_dynamic_url: ${JSON.stringify(w)}`);
      if (b === 'firefox' && 'use_dynamic_url' in w) throw new Error('firefox: use_dynamic_url is not in Firefox\'s manifest schema (it warns); the build must drop it');
    }
    const extra = [...exposed].filter((f) => !WEB_ACCESSIBLE.includes(f));
    if (extra.length) throw new Error(`${b}: pages may load ${extra.join(', ')} (only ${WEB_ACCESSIBLE.join(', ')} is needed)`);
    for (const cs of m.content_scripts || []) {
      for (const js of cs.js || []) {
        const text = fs.readFileSync(path.join(dir, js), 'utf8');
        if (/\bimport\s*\(|^\s*import\s[^(]|^\s*export\s/m.test(text)) throw new Error(`${b}: content script ${js} imports modules by URL (they would have to be web-accessible)`);
      }
    }
    notes.push(`${b}: ${exposed.size} web-accessible file(s)${b === 'chrome' ? ', dynamic URL' : ''}`);
  }
  return notes.join('; ');
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** A PNG's width and height (the IHDR chunk), or null. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** The built packages as a store would get them: the version is Cargo.toml's in both
 *  manifests; every icon the manifests name (16/32/48/128, and the grey "off" set the
 *  background switches to) is a PNG of its size; _locales has zh_CN (the default) and en with
 *  the same messages, and every message the manifests and the extension's pages use. */
export function staticPackaging(dist, repo) {
  const cargo = fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8');
  const version = (cargo.split(/^\[package\]\s*$/m)[1] || '').split(/^\[/m)[0].match(/^version\s*=\s*"([^"]+)"/m);
  if (!version) throw new Error('no [package] version in Cargo.toml');
  const notes = [];
  for (const b of ['chrome', 'firefox']) {
    const dir = path.join(dist, b);
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    if (m.version !== version[1]) throw new Error(`${b}: manifest version ${m.version}, Cargo.toml ${version[1]}`);
    if (m.default_locale !== 'zh_CN') throw new Error(`${b}: default_locale ${m.default_locale}`);
    const want = [];
    for (const s of [16, 32, 48, 128]) want.push([`icons/icon-${s}.png`, s], [`icons/icon-off-${s}.png`, s]);
    for (const [s, p] of Object.entries(m.icons || {})) want.push([p, Number(s)]);
    for (const [s, p] of Object.entries((m.action && m.action.default_icon) || {})) want.push([p, Number(s)]);
    if (Object.keys(m.icons || {}).sort().join() !== '128,16,32,48') throw new Error(`${b}: manifest icons ${JSON.stringify(m.icons)}`);
    for (const [p, s] of want) {
      const f = path.join(dir, p.replace(/^\//, ''));
      if (!fs.existsSync(f)) throw new Error(`${b}: icon ${p} missing`);
      const size = pngSize(f);
      if (!size || size[0] !== s || size[1] !== s) throw new Error(`${b}: ${p} is ${JSON.stringify(size)}, not ${s}×${s}`);
    }
    const messages = {};
    for (const loc of ['zh_CN', 'en']) {
      messages[loc] = JSON.parse(fs.readFileSync(path.join(dir, '_locales', loc, 'messages.json'), 'utf8'));
    }
    const zh = Object.keys(messages.zh_CN).sort();
    const en = Object.keys(messages.en).sort();
    if (zh.join() !== en.join()) throw new Error(`${b}: _locales differ: zh_CN only ${zh.filter((k) => !en.includes(k))}, en only ${en.filter((k) => !zh.includes(k))}`);
    const used = new Set();
    for (const v of JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)) used.add(v[1]);
    for (const file of walk(path.join(dir, 'extension'))) {
      if (!/\.(html|js)$/.test(file) || file.endsWith('content.js')) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const v of text.matchAll(/data-i18n(?:-placeholder|-title|-aria)?="(\w+)"/g)) used.add(v[1]);
      for (const v of text.matchAll(/\bt\('(\w+)'/g)) used.add(v[1]);
      for (const v of text.matchAll(/getMessage\('(\w+)'/g)) used.add(v[1]);
    }
    // The stores' limits on what the manifest shows (Chrome: name 75, description 132).
    for (const [loc, msgs] of Object.entries(messages)) {
      for (const [key, max] of [['extName', 75], ['extShortName', 12], ['extDescription', 132]]) {
        const n = [...msgs[key].message].length;
        if (n > max) throw new Error(`${b}: _locales/${loc} ${key} is ${n} characters (at most ${max})`);
      }
    }
    const missing = [...used].filter((k) => !messages.zh_CN[k]);
    if (missing.length) throw new Error(`${b}: messages used but not in _locales: ${missing.join(', ')}`);
    notes.push(`${b}: version ${m.version}, ${want.length} icons, ${zh.length} messages × 2 locales, ${used.size} used`);
  }
  return notes.join('; ');
}

/** The popup's line for what the content script detected (www/extension/popup/detected.js),
 *  with the zh_CN messages: the full reply the context reader gives, a reply that could not
 *  read the chat, and today's reply with the host only. */
export async function staticPopupText(repo) {
  const { describeStatus } = await import(path.join(repo, 'www/extension/popup/detected.js'));
  const msgs = JSON.parse(fs.readFileSync(path.join(repo, 'www/extension/_locales/zh_CN/messages.json'), 'utf8'));
  const t = (key, ...subs) => msgs[key].message.replace(/\$(\w+)\$/g, (_, name) => {
    const ph = msgs[key].placeholders[name.toLowerCase()].content;
    return subs[Number(ph.slice(1)) - 1];
  });
  const platformLabel = (id) => ({ jd: '京东', taobao: '淘宝/天猫' })[id] || id;
  const cases = [
    [{ host: 'x', platform: 'jd', platformSource: 'host', context: { read: true, reason: null, customerMessages: 2, firstReply: false, waitingSeconds: null, adapter: 'jd' } },
      { text: '京东 · 已读取客户消息 2 条', source: '按网址或网页识别' }],
    [{ host: 'x', platform: 'taobao', platformSource: 'site', context: { read: true, reason: null, customerMessages: 1, firstReply: true, waitingSeconds: 30, adapter: 'x' } },
      { text: '淘宝/天猫 · 已读取客户消息 1 条 · 首次回复', source: '你为此网站选择' }],
    [{ host: 'x', platform: 'jd', platformSource: 'default', context: { read: false, reason: '没有找到聊天记录', customerMessages: 0, firstReply: null, waitingSeconds: null, adapter: null } },
      { text: '京东 · 没有找到聊天记录', source: '默认' }],
    [{ host: 'x', platform: 'jd', context: { read: false, reason: null } }, { text: '京东 · 未读取到聊天记录', source: '' }],
    [{ host: 'x' }, { text: '', source: '' }],
  ];
  for (const [status, want] of cases) {
    const got = describeStatus(status, { t, platformLabel });
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`popup line for ${JSON.stringify(status)}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  return `${cases.length} replies`;
}
