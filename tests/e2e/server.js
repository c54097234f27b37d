// Static server for the fixture pages, on 127.0.0.1 only. Under /csp-strict/… a page is
// served with `default-src 'self'`; under /csp-tt/… with a Trusted Types requirement too. Also serves the built
// fixture bundles and, for pages that use the annotator without the extension, www/.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const ROOTS = {
  '/fixtures/': path.join(here, 'fixtures'),
  '/bundles/': path.join(repo, 'dist/e2e-bundles'),
  '/www/': path.join(repo, 'www'),
  '/pkg/': process.env.KEFU_PKG_DIR || path.join(repo, 'pkg'),
  '/node_modules/': path.join(repo, 'node_modules'),
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const CSP = {
  strict: "default-src 'self'",
  tt: "default-src 'self'; require-trusted-types-for 'script'; trusted-types fixture",
};

export function startServer(port = 0) {
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname);
    const policy = /^\/csp-(strict|tt)\//.exec(url.pathname);
    if (policy) url.pathname = url.pathname.slice(policy[0].length - 1);
    const prefix = Object.keys(ROOTS).find((p) => url.pathname.startsWith(p));
    if (!prefix) return notFound(res);
    const base = ROOTS[prefix];
    const file = path.resolve(base, '.' + decodeURIComponent(url.pathname.slice(prefix.length - 1)));
    if (!file.startsWith(path.resolve(base))) return notFound(res);
    fs.readFile(file, (err, body) => {
      if (err) return notFound(res);
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      const csp = policy && CSP[policy[1]];
      if (csp && file.endsWith('.html')) headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ origin: `http://127.0.0.1:${p}`, log, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startServer(Number(process.argv[2] || 8765));
  console.log(`serving on ${s.origin}`);
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
