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
