// The one static file server of the browser tests and benchmarks: 127.0.0.1 only, a free
// port, no caching. Used by tests/e2e (fixture pages, with CSP variants), tests/review-web
// (www/) and scripts/bench-browser.mjs (the repository, cross-origin isolated).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}

/**
 * Serves `roots` ({ '/prefix/': directory }; the longest prefix wins, '/' serves a whole
 * tree). A directory answers with its index.html. Symlinks inside a root are followed (www/pkg
 * points at the build output); `..` can't lead out of one.
 *
 * - `rewrite(pathname)` may return `{ pathname, tag }`: a changed path and a tag for `headers`.
 * - `headers({ file, tag })` returns extra response headers.
 *
 * Resolves to `{ origin, log, close }`: `log` lists the paths asked for, `close()` resolves
 * once the server has stopped.
 */
export function serveStatic({ roots, port = 0, rewrite = (pathname) => ({ pathname }), headers = () => ({}) }) {
  const bases = Object.entries(roots)
    .map(([prefix, dir]) => [prefix, path.resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname);
    const { pathname, tag } = rewrite(url.pathname);
    const hit = bases.find(([prefix]) => pathname.startsWith(prefix));
    if (!hit) return notFound(res);
    const [prefix, base] = hit;
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return notFound(res);
    }
    let file = path.resolve(base, `./${rel}`);
    if (file !== base && !file.startsWith(base + path.sep)) return notFound(res);
    fs.stat(file, (statErr, stat) => {
      if (!statErr && stat.isDirectory()) file = path.join(file, 'index.html');
      fs.readFile(file, (err, body) => {
        if (err) return notFound(res);
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
          'cache-control': 'no-store',
          ...headers({ file, tag }),
        });
        res.end(body);
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        log,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
