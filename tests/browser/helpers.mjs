// Shared by the browser tests of the page: the built folder served locally, a page that records every request,
// error and CSP violation, and helpers to paste and to read the <jwt-lens> element's shadow DOM (Playwright's CSS
// locators pierce open shadow roots).
import { mkdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const screenshots = `${repo}test-results/screenshots`;

/** dist/page and dist/jwtlens.html must exist: `npm run build` (scripts/test.sh builds them before this suite). */
export async function requireBuild() {
  for (const f of ['dist/page/index.html', 'dist/jwtlens.html']) {
    await stat(`${repo}${f}`).catch(() => {
      throw new Error(`${f} is missing: run npm run build (or node scripts/build-page.mjs) first`);
    });
  }
}

export async function serve(base = '/') {
  await requireBuild();
  const server = await startServer(0, { base });
  return { server, url: `http://127.0.0.1:${server.address().port}${base}` };
}

/**
 * A new page that records requests, page errors, console errors and CSP violations (an init script listens for
 * `securitypolicyviolation`; init scripts come from the browser's side, not the page, so the page's CSP allows them).
 */
export async function openPage(context, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  // A page that started on the decoder-only module fetches the full one once idle: wait for that request, so that
  // what a test counts after this point is what the test itself caused.
  if (log.requests.some((u) => /jwtlens-decoder_bg/.test(u))) {
    for (let waited = 0; !log.requests.some((u) => /\/jwtlens_bg-/.test(u)); waited += 50) {
      if (waited > 10_000) throw new Error('the full module was never requested');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { page, log };
}

export const violations = (page) => page.evaluate(() => window.__violations);

/** Sets the token as a paste would (value + input event), and waits for the result of that paste. */
export async function paste(page, text) {
  await page.evaluate((t) => new Promise((resolve) => {
    const lens = document.querySelector('jwt-lens');
    const area = lens.shadowRoot.getElementById('token');
    lens.addEventListener('jwtlens-result', () => resolve(), { once: true });
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (!t.trim()) resolve();
  }), text);
}

/** The last result the element reported. */
export const result = (page) => page.evaluate(() => document.querySelector('jwt-lens').result);

export async function shot(page, name) {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

export async function axeSource() {
  return readFile(`${repo}node_modules/axe-core/axe.min.js`, 'utf8');
}
