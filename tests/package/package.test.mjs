// The package as users get it: `npm pack`, install the tarball into a scratch project outside the repository,
// then use it from Node ESM, Node CommonJS, TypeScript (--strict), a Vite app (build and dev server) and a plain
// <script type="module"> page, the last three in headless Chromium. Also runs publint and arethetypeswrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../browser/chromium.mjs';
import { serveFolder } from '../browser/static.mjs';
import { repo, run, scratchProject } from './scratch.mjs';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const bin = (name) => join(repo, 'node_modules', '.bin', name);
let scratch;
let tarball;
let browser;

before(async () => {
  const vite = JSON.parse(await readFile(join(repo, 'node_modules/vite/package.json'), 'utf8')).version;
  ({ dir: scratch, tarball } = await scratchProject('jwtlens-package-', { vite }));
  await cp(fixtures, scratch, { recursive: true });
  // plain/index.html imports ./node_modules/jwtlens/…, so it lives at the project root.
  await cp(join(fixtures, 'plain/index.html'), join(scratch, 'index.html'));
  await cp(join(fixtures, 'plain/init.html'), join(scratch, 'init.html'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function pageResult(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('result')?.textContent !== 'loading', null, { timeout: 20_000 });
  const text = await page.textContent('#result');
  await page.close();
  assert.deepEqual(errors, []);
  return JSON.parse(text);
}

/** The <jwt-lens> element mounted by vite-app/src/element.js: its result event and what it rendered. */
async function elementResult(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('element-result')?.textContent !== 'loading', null, { timeout: 20_000 });
  const text = await page.textContent('#element-result');
  await page.close();
  assert.deepEqual(errors, []);
  return JSON.parse(text);
}

const ELEMENT_VERDICT = { decision: 'deny', failing: ['APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES'], shown: 'Deny' };

test('packed files: only what ships', () => {
  const [info] = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], { cwd: repo }));
  const files = info.files.map((f) => f.path).sort();
  assert.deepEqual(files.filter((f) => !f.startsWith('js/')), [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'bin/jwtlens.js',
    // The decoder-only module the <jwt-lens> element loads first; the full module on need.
    'dist/wasm/jwtlens-decoder.js', 'dist/wasm/jwtlens-decoder_bg.wasm',
    // Node's copy of the full module, built for speed (js/node.js loads it; browsers never do).
    'dist/wasm/jwtlens-node.js', 'dist/wasm/jwtlens-node_bg.wasm',
    'dist/wasm/jwtlens.js', 'dist/wasm/jwtlens_bg.wasm', 'package.json',
  ]);
  for (const f of ['js/index.d.ts', 'js/node.js', 'js/browser.js', 'js/decoder.js', 'js/element/index.js', 'js/generated/tables.js']) assert.ok(files.includes(f), f);
});

test('Node ESM: import { inspect } from "jwtlens"', () => {
  const out = JSON.parse(run(process.execPath, [join(scratch, 'esm.mjs')], { cwd: scratch }));
  assert.deepEqual(out, { sub: 'node-esm', codes: ['PASTE_SURROUNDING_WHITESPACE'], valid: true, algorithm: 'HS256' });
});

test('Node CommonJS: require("jwtlens")', () => {
  const out = JSON.parse(run(process.execPath, [join(scratch, 'cjs.cjs')], { cwd: scratch }));
  assert.deepEqual(out, { sub: 'node-cjs', codes: ['PASTE_BEARER_DOUBLED'], valid: true, algorithm: 'HS256' });
});

test('TypeScript --strict accepts right uses and rejects wrong ones', async () => {
  await writeFile(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], lib: ['es2022', 'dom'] },
    files: ['consumer.ts'],
  }));
  // Exit status 0 also proves every @ts-expect-error line really is an error (unused ones fail the build).
  run(bin('tsc'), ['-p', join(scratch, 'tsconfig.json')], { cwd: scratch });
  const source = await readFile(join(scratch, 'consumer.ts'), 'utf8');
  assert.equal(source.match(/@ts-expect-error/g).length, 13);
});

test('Vite: `vite build` output works in Chromium, the <jwt-lens> element included', async () => {
  run(join(scratch, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: join(scratch, 'vite-app') });
  const server = await serveFolder(join(scratch, 'vite-app/dist'));
  try {
    assert.deepEqual(await pageResult(server.url), { sub: 'vite-user', codes: ['PASTE_BEARER_PREFIX'], valid: true, algorithm: 'HS256' });
    assert.deepEqual(await elementResult(server.url), ELEMENT_VERDICT);
  } finally {
    server.close();
  }
});

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

test('Vite: the dev server (dependency pre-bundling on) works in Chromium, the <jwt-lens> element included', async () => {
  const port = await freePort();
  const dev = spawn(join(scratch, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: join(scratch, 'vite-app'), stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('vite dev server did not start')), 30_000);
      dev.stdout.on('data', (d) => { if (String(d).includes('Local')) { clearTimeout(timer); resolve(); } });
      dev.on('exit', (c) => reject(new Error(`vite exited ${c}`)));
    });
    assert.deepEqual(await pageResult(`http://127.0.0.1:${port}/`), { sub: 'vite-user', codes: ['PASTE_BEARER_PREFIX'], valid: true, algorithm: 'HS256' });
    assert.deepEqual(await elementResult(`http://127.0.0.1:${port}/`), ELEMENT_VERDICT);
  } finally {
    dev.kill();
  }
});

test('plain <script type="module"> page served statically works in Chromium', async () => {
  const server = await serveFolder(scratch);
  try {
    assert.deepEqual(await pageResult(server.url), { sub: 'plain-user', codes: ['PASTE_QUOTES'], valid: true, algorithm: 'HS256' });
  } finally {
    server.close();
  }
});

test('jwtlens/init: no top-level await, a clear error before init(), works after', async () => {
  const server = await serveFolder(scratch);
  try {
    assert.deepEqual(await pageResult(`${server.url}init.html`), { before: 'ERR_NOT_INITIALISED', sub: 'init-user' });
  } finally {
    server.close();
  }
  // In Node, `jwtlens/init` is the synchronous entry: init() resolves at once.
  const out = run(process.execPath, ['--input-type=module', '-e', "import { init, inspect } from 'jwtlens/init'; await init(); console.log(inspect('a.b.c').tokens.length)"], { cwd: scratch });
  assert.equal(out.trim(), '1');
});

test('publint passes', () => {
  const out = run(bin('publint'), ['run', '--strict', tarball], { cwd: repo });
  assert.match(out, /All good|No issues/i, out);
});

test('arethetypeswrong passes (node16 ESM, bundler)', () => {
  // `require` from CommonJS works at run time on Node >= 20.19 (require of ES modules), but TypeScript's node16-cjs
  // mode still models that as impossible; the package is ESM, so that resolution mode is excluded (docs/PACKAGE.md).
  // attw exits non-zero on any problem in the resolutions it checks.
  // --format table: one row per resolution mode, one column per entry point (with four entry points attw's
  // automatic layout would flip the table).
  const out = run(bin('attw'), [tarball, '--profile', 'esm-only', '--no-color', '--format', 'table'], { cwd: repo });
  assert.match(out, /ignoring resolutions: 'node10', 'node16-cjs'/, out);
  assert.match(out, /"jwtlens"\s*│\s*"jwtlens\/init"\s*│\s*"jwtlens\/element"\s*│\s*"jwtlens\/package.json"/, out);
  assert.match(out, /node16 \(from ESM\)(\s*│\s*🟢 \((ESM|JSON)\)){4}/, out);
  assert.match(out, /bundler(\s*│\s*🟢( \(JSON\))?){4}/, out);
});
