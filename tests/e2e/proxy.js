// A proxy that forwards nothing and records every request it is asked to make. The browser
// is pointed at it, so any request to anywhere but 127.0.0.1 (which browsers never proxy)
// shows up here: the no-network check for Firefox, whose request log WebDriver can't read.
// One exception: plain-HTTP requests for the marketplace alias the platform-preset scenarios
// use (context-scenarios.js JD_HOST) go to the fixture server on 127.0.0.1, at the port asked
// for, and are counted apart (`local`), never in `seen`.
import http from 'node:http';

const LOCAL_ALIAS = 'e2e.jd.com';

export function startProxy() {
  const seen = [];
  const local = [];
  const server = http.createServer((req, res) => {
    let url = null;
    try {
      url = new URL(req.url);
    } catch (_) {
      url = null;
    }
    if (url && url.protocol === 'http:' && url.hostname === LOCAL_ALIAS && url.port) {
      local.push(req.url);
      const fwd = http.request(
        { host: '127.0.0.1', port: Number(url.port), method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: url.host } },
        (up) => {
          res.writeHead(up.statusCode || 502, up.headers);
          up.pipe(res);
        },
      );
      fwd.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(fwd);
      return;
    }
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('blocked by the kefu-coach test proxy');
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: server.address().port, seen, local, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
