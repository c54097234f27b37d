// Static check of the built extension: no network API anywhere in our code. The only fetch is
// wasm-bindgen's loader reading the extension's own .wasm file (pkg/kefu_coach.js), which is
// called with runtime.getURL(...) only. Complements the browser-level request log.
import fs from 'node:fs';
import path from 'node:path';

const NETWORK = /\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|navigator\.connection)/;

export function staticNoNetwork(dist) {
  const hits = [];
  let files = 0;
  for (const b of ['chrome', 'firefox']) {
    for (const file of walk(path.join(dist, b))) {
      if (!/\.(js|html)$/.test(file) || file.endsWith(path.join('pkg', 'kefu_coach.js'))) continue;
      files += 1;
      const text = fs.readFileSync(file, 'utf8');
      if (NETWORK.test(text)) hits.push(path.relative(dist, file));
      if (/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(text)) hits.push(`${path.relative(dist, file)} (innerHTML)`);
    }
  }
  if (hits.length) throw new Error(`network or innerHTML use in: ${hits.join(', ')}`);
  if (!files) throw new Error('no extension files found under dist/');
  return `${files} files clean`;
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}
