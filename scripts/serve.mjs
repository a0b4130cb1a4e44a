// Serves the page on 127.0.0.1 (never a public interface): www/ at /, plus the package's js/ and dist/wasm/.
// Usage: node scripts/serve.mjs [port]   (default 8080; 0 picks a free port). Prints the URL.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
// URL prefix -> folder. Anything else is 404, so the server cannot leak other files of the repository.
const mounts = [['/js/', 'js'], ['/dist/wasm/', 'dist/wasm'], ['/', 'www']];

export function startServer(port = 8080) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(join(root, dir, rel));
      res.writeHead(200, {
        'content-type': types[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? process.env.PORT ?? 8080));
  console.log(`jwtlens page: http://127.0.0.1:${server.address().port}/`);
}
