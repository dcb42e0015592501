// A tiny static file server (no dependencies): `scripts/serve.sh` serves the
// built site with it, and the end-to-end tests and the benchmark start it.
//   node scripts/static-server.mjs DIR [PORT]     serves DIR on 127.0.0.1

//   const { url, close } = await startServer({ root: 'www', port: 0 });
// `headers` are added to every file response (e.g. CORS headers, for a widget's origin).
// `compress: true` gzips on the fly, as a production host does, any text file that has
// no precompressed sibling the browser accepts (the benchmark's production-like serving).
// `url` is the origin, e.g. http://127.0.0.1:41234 (no trailing slash).
// Serves a fresh precompressed sibling (file.br, file.gz) with Content-Encoding
// when the request's Accept-Encoding allows it; 404 for anything missing.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Encodings the client accepts (q > 0), from an Accept-Encoding header.
function accepted(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

function statFile(file) {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

export function startServer({ root, port = 0, headers: extra = {}, compress = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(base, pathname);
    if (file !== base && !file.startsWith(base + path.sep)) return send(404, 'not found\n');
    const st = statFile(file);
    if (!st) return send(404, 'not found\n');

    const headers = {
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
      ...extra,
    };
    let body = file;
    let size = st.size;
    const ok = accepted(req.headers['accept-encoding']);
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      const sib = ok.has(enc) && statFile(file + ext);
      if (sib && sib.mtimeMs >= st.mtimeMs) { // a stale sibling is ignored
        headers['Content-Encoding'] = enc;
        body = file + ext;
        size = sib.size;
        break;
      }
    }
    if (compress && !headers['Content-Encoding'] && ok.has('gzip') && /^(text\/|application\/(json|wasm|manifest)|image\/svg)/.test(headers['Content-Type'])) {
      headers['Content-Encoding'] = 'gzip';
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.destroy()).pipe(zlib.createGzip({ level: 6 })).pipe(res);
      return;
    }
    headers['Content-Length'] = size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(body).on('error', () => res.destroy()).pipe(res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      const close = () => new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      resolve({ url, close });
    });
  });
}

// As a command: serve a folder until stopped.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`Serving ${root}/ at ${url}/ (precompressed .br and .gz when the browser accepts them; Ctrl-C stops)`);
}
