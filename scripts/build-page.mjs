// Builds the page, after scripts/build.sh has made dist/wasm/:
//   dist/page/       a static folder with relative URLs (works from any host and sub-path); every file but
//                    index.html and favicon.svg is named by its content hash, so it can be cached forever.
//   dist/jwtlens.html one self-contained file: scripts, styles, the Worker and the .wasm inlined, a
//                    Content-Security-Policy with hashes and connect-src 'none'; it works opened from disk.
// Both are bundled by Vite (already a dev dependency for the package tests) from www/ and js/.
// Usage: node scripts/build-page.mjs
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = `${root}www/`;
const outDir = `${root}dist/page`;

const BOOT_TAG = '<script src="./boot.js"></script>';
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The folder build's extras: boot.js as a hashed classic script, and a preload of the decoder .wasm so it downloads in
 * parallel with the scripts instead of after them. boot.js is a classic script (it must run where modules cannot),
 * which Vite does not bundle: it is taken out of the HTML before Vite reads it and put back under its hashed name. */
function pageExtras() {
  return [
    {
      name: 'jwtlens-page-boot-out',
      async buildStart() {
        this.emitFile({ type: 'asset', name: 'boot.js', source: await readFile(`${www}boot.js`, 'utf8') });
      },
      transformIndexHtml: { order: 'pre', handler: (html) => swap(html, BOOT_TAG, '') },
    },
    {
      name: 'jwtlens-page-boot-in',
      transformIndexHtml: {
        order: 'post',
        handler(html, ctx) {
          const files = Object.values(ctx.bundle ?? {});
          const boot = files.find((o) => o.names?.includes('boot.js') || o.name === 'boot.js');
          // The decoder-only module is what the page needs first; the full one follows when the page is idle.
          const wasm = files.find((o) => /jwtlens-decoder_bg.*\.wasm$/.test(o.fileName));
          if (!boot || !wasm) throw new Error(`page build: boot.js (${Boolean(boot)}) or the .wasm (${Boolean(wasm)}) missing from the bundle`);
          return [
            { tag: 'link', attrs: { rel: 'preload', href: `./${wasm.fileName}`, as: 'fetch', type: 'application/wasm', crossorigin: true }, injectTo: 'head' },
            { tag: 'script', attrs: { src: `./${boot.fileName}`, defer: true }, injectTo: 'body' },
          ];
        },
      },
    },
  ];
}

const common = {
  configFile: false,
  root: www,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  worker: { format: 'iife' },
  build: { assetsInlineLimit: 0, modulePreload: { polyfill: false }, target: 'es2022', reportCompressedSize: false },
};

async function folder() {
  await build({
    ...common,
    plugins: pageExtras(),
    build: { ...common.build, outDir, emptyOutDir: true },
  });
  // Precompressed copies for servers that serve them (scripts/serve.mjs, nginx gzip_static/brotli_static).
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|js|css|wasm|svg)$/.test(entry.name)) continue;
    const file = `${entry.parentPath ?? entry.path}/${entry.name}`;
    const raw = await readFile(file);
    await writeFile(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    await writeFile(`${file}.gz`, gzipSync(raw, { level: 9 }));
  }
}

/** Replaces `from` (which must occur exactly once) in the page template. */
function swap(html, from, to) {
  const at = html.indexOf(from);
  if (at < 0 || html.indexOf(from, at + 1) >= 0) throw new Error(`single-file build: expected exactly one ${from} in www/index.html`);
  return html.slice(0, at) + to + html.slice(at + from.length);
}

/** Text placed inside <script> or <style> must not close the element early. */
function inlineSafe(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`single-file build: ${what} contains </script>, </style> or <!--`);
  return text;
}

async function single() {
  const output = await build({
    ...common,
    build: {
      ...common.build,
      write: false,
      minify: true,
      rolldownOptions: { input: `${www}single.js`, output: { format: 'es', codeSplitting: false } },
    },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const main = files.find((o) => o.type === 'chunk' && o.isEntry);
  const worker = files.find((o) => o.type === 'asset' && /worker.*\.js$/.test(o.fileName));
  if (!main || !worker) throw new Error(`single-file build: entry (${Boolean(main)}) or worker (${Boolean(worker)}) missing`);
  const wasm = await readFile(`${root}dist/wasm/jwtlens_bg.wasm`);
  const script = inlineSafe(main.code, 'the script');
  const boot = inlineSafe(await readFile(`${www}boot.js`, 'utf8'), 'boot.js');
  const style = inlineSafe(await readFile(`${www}style.css`, 'utf8'), 'style.css');
  const favicon = `data:image/svg+xml;base64,${(await readFile(`${www}favicon.svg`)).toString('base64')}`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(boot)} ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    // The Worker is made from the inlined code (a blob: URL); nothing is ever fetched.
    'worker-src blob:',
    "connect-src 'none'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = await readFile(`${www}index.html`, 'utf8');
  // The folder's policy and its comment (which explains the key fetch this copy does not offer) are replaced.
  html = html.replace(/<!--[^]*?-->\n<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    () => '<!-- Nothing leaves this file: everything is inline, no connection is allowed (connect-src \'none\'), so the key box\n'
      + '     names an issuer\'s key URL to open instead of fetching it. -->\n'
      + `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<meta name="jwtlens-build" content="single-file">`);
  if (!html.includes(csp)) throw new Error('single-file build: the CSP meta tag was not found in www/index.html');
  html = swap(html, '<link rel="icon" href="./favicon.svg" type="image/svg+xml">', `<link rel="icon" href="${favicon}" type="image/svg+xml">`);
  html = swap(html, '<link rel="stylesheet" href="./style.css">', `<style>${style}</style>`);
  html = swap(html, BOOT_TAG, `<script>${boot}</script>`);
  const workerBase64 = Buffer.from(worker.source).toString('base64');
  html = swap(html, '<script type="module" src="./main.js"></script>',
    `<script type="application/octet-stream" id="jwtlens-wasm">${wasm.toString('base64')}</script>\n`
    + `<script type="application/octet-stream" id="jwtlens-worker">${workerBase64}</script>\n`
    + `<script type="module">${script}</script>`);
  await mkdir(`${root}dist`, { recursive: true });
  await writeFile(`${root}dist/jwtlens.html`, html);
  return html.length;
}

await folder();
const size = await single();
console.log(`page: dist/page/ and dist/jwtlens.html (${(size / 1024).toFixed(0)} KiB)`);
