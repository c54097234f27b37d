// A proxy that forwards nothing and records every request it is asked to make. The browser
// is pointed at it, so any request to anywhere but 127.0.0.1 (which browsers never proxy)
// shows up here: the no-network check for Firefox, whose request log WebDriver can't read.
import http from 'node:http';

export function startProxy() {
  const seen = [];
  const server = http.createServer((req, res) => {
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
      resolve({ port: server.address().port, seen, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
