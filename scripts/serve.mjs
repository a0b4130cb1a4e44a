// Serves the built page (dist/page/, made by scripts/build-page.mjs) on 127.0.0.1, never a public interface, with
// the headers a host should send: the Content-Security-Policy (plus frame-ancestors, which a meta tag cannot set),
// nosniff, no-referrer; brotli or gzip (precompressed by the build, compressed here otherwise); hashed files under
// assets/ cacheable for a year, the rest revalidated by ETag.
// Usage: node scripts/serve.mjs [port] [--base /sub/path/]   (default 8080; 0 picks a free port). Prints the URL.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const defaultRoot = fileURLToPath(new URL('../dist/page', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};
const compressible = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.json']);

/**
 * The policy of the folder build, as a header (the page's meta tag says the same, minus frame-ancestors). Sent with
 * every file, so the Worker's script runs under it too. connect-src: the page's own files, and the user-clicked
 * "Fetch keys from the issuer" (https; http only on this machine, for local issuers, emulators and the tests).
 */
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; "
  + "worker-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Starts the server; resolves to the http.Server. `base` is the URL path the folder is served under ("/" or a
 * sub-path such as "/tools/jwtlens/"); anything outside it is 404.
 */
export async function startServer(port = 8080, { root = defaultRoot, base = '/' } = {}) {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: run npm run build first`);
  });
  const cache = new Map();

  async function body(file, encoding) {
    const key = `${file}\0${encoding}`;
    const info = await stat(file);
    const hit = cache.get(key);
    if (hit && hit.mtime === info.mtimeMs) return hit;
    const raw = await readFile(file);
    let data = raw;
    if (encoding === 'br') {
      data = await readFile(`${file}.br`).catch(() => brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    } else if (encoding === 'gzip') {
      data = await readFile(`${file}.gz`).catch(() => gzipSync(raw, { level: 6 }));
    }
    const entry = { data, mtime: info.mtimeMs, etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}${encoding ? `-${encoding}` : ''}"` };
    cache.set(key, entry);
    return entry;
  }

  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === base.replace(/\/$/, '')) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!path.startsWith(base) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let rel = normalize(path.slice(base.length) || 'index.html');
    if (rel.endsWith(sep)) rel += 'index.html';
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) {
      res.writeHead(400).end();
      return;
    }
    const file = join(root, rel);
    const ext = extname(rel);
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !compressible.has(ext) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    let entry;
    try {
      entry = await body(file, encoding);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'content-type': types[ext] ?? 'application/octet-stream',
      // Files under assets/ are named by their content hash: a new build makes new names.
      'cache-control': rel.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: entry.etag,
      vary: 'accept-encoding',
      'content-security-policy': CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
    };
    if (encoding) headers['content-encoding'] = encoding;
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['content-length'] = entry.data.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : entry.data);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const baseAt = args.indexOf('--base');
  const base = baseAt >= 0 ? `/${args.splice(baseAt, 2)[1].replace(/^\/|\/$/g, '')}/`.replace('//', '/') : '/';
  const server = await startServer(Number(args[0] ?? process.env.PORT ?? 8080), { base });
  console.log(`jwtlens page: http://127.0.0.1:${server.address().port}${base}`);
}
