// A static server on 127.0.0.1 laid out like `bantin serve`'s HTTP side:
// the viewer (build/web) at /, the module (build/wasm) at /wasm/, and
// GET /bundle answered from a bundle file, or 404 when there is none, as a
// plain static host would. For the Chromium tests and benchmarks.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.woff2': 'font/woff2',
  '.ndjson': 'application/x-ndjson', '.txt': 'text/plain; charset=utf-8',
};

// Resolves to {url, close, requests, setBundle}; `bundle` is a path or null
// (setBundle changes it); `extra` maps more path prefixes ("/bench/") to
// directories.
export function serveViewer({ web, wasm, bundle = null, extra = {} }) {
  const requests = [];
  const prefix = (p) => Object.keys(extra).find((k) => p.startsWith(k));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    let file;
    if (url.pathname === '/bundle') file = bundle;
    else if (url.pathname.startsWith('/wasm/')) file = path.join(wasm, url.pathname.slice(6));
    else if (prefix(url.pathname)) file = path.join(extra[prefix(url.pathname)], url.pathname.slice(prefix(url.pathname).length));
    else file = path.join(web, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    // Nothing outside the two roots.
    const roots = [web, wasm, ...Object.values(extra)];
    if (file && file !== bundle && !roots.some((r) => file.startsWith(r))) file = null;
    try {
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      const type = url.pathname === '/bundle' ? TYPES['.ndjson'] : TYPES[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        setBundle: (path) => void (bundle = path),
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
