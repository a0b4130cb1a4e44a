// Prints how long signing and test-key generation take in the WebAssembly build: `generateKey` per algorithm and
// `sign` per algorithm in Node, and — with --browser — RSA-2048 generation as the page does it (in its Worker,
// from the click on "Generate a test key" to the signed token) in headless Chromium. A benchmark, not a test: it
// prints figures and asserts nothing but that the results are tokens.
// Usage: npm run build, then node scripts/bench-sign.mjs [--runs N] [--browser]
import { generateKey, sign } from '../js/node.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)}, max ${sorted.at(-1).toFixed(1)} (${ms.length} runs)`;
};
const time = (fn) => {
  const start = performance.now();
  const value = fn();
  return [performance.now() - start, value];
};

console.log(`Node ${process.version}, jwtlens wasm`);
for (const alg of ['RS256', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'HS256']) {
  const generated = [];
  const signed = [];
  for (let i = 0; i < (alg === 'RS256' ? runs : runs * 5); i++) {
    const [g, key] = time(() => generateKey(alg));
    generated.push(g);
    const [s, result] = time(() => sign('{"sub":"bench","iat":1700000000}', key.privatePem ?? key.secret, { alg }));
    if (!result.token) throw new Error(`${alg}: ${JSON.stringify(result.findings)}`);
    signed.push(s);
  }
  console.log(`${alg.padEnd(7)} generateKey: ${stats(generated)}; sign: ${stats(signed)}`);
}

if (process.argv.includes('--browser')) {
  const { launch } = await import('../tests/browser/chromium.mjs');
  const { openPage, serve } = await import('../tests/browser/helpers.mjs');
  const { server, url } = await serve();
  const context = await launch();
  try {
    const { page } = await openPage(context, url);
    await page.click('#tab-encode');
    await page.selectOption('#encode-alg', 'RS256');
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const start = Date.now();
      await page.click('#generate-key');
      await page.waitForFunction(() => !document.querySelector('jwt-lens').shadowRoot.getElementById('generate-key').disabled, null, { timeout: 120_000 });
      ms.push(Date.now() - start);
    }
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1];
    console.log(`Chromium ${version}: RSA-2048 test key in the page's Worker, click to signed token: ${stats(ms)}`);
  } finally {
    await context.close();
    server.close();
  }
}
