// Static server for the fixture pages, on 127.0.0.1 only. Under /csp-strict/… a page is
// served with `default-src 'self'`; under /csp-tt/… with a Trusted Types requirement too. Also serves the built
// fixture bundles and, for pages that use the annotator without the extension, www/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../lib/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const ROOTS = {
  '/fixtures/': path.join(here, 'fixtures'),
  '/consoles/': path.join(here, 'consoles'),
  '/bundles/': path.join(repo, 'dist/e2e-bundles'),
  '/www/': path.join(repo, 'www'),
  '/pkg/': process.env.KEFU_PKG_DIR || path.join(repo, 'pkg'),
  '/node_modules/': path.join(repo, 'node_modules'),
};
const CSP = {
  strict: "default-src 'self'",
  tt: "default-src 'self'; require-trusted-types-for 'script'; trusted-types fixture",
};

export function startServer(port = 0) {
  return serveStatic({
    roots: ROOTS,
    port,
    rewrite: (pathname) => {
      const policy = /^\/csp-(strict|tt)\//.exec(pathname);
      return policy ? { pathname: pathname.slice(policy[0].length - 1), tag: policy[1] } : { pathname };
    },
    headers: ({ file, tag }) => (tag && file.endsWith('.html') ? { 'content-security-policy': CSP[tag] } : {}),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startServer(Number(process.argv[2] || 8765));
  console.log(`serving on ${s.origin}`);
}
