// Prints how fast the built page becomes interactive (the element's `jwtlens-ready` mark, from navigation start) in
// headless Chromium: cold loads (empty cache, a new browser profile each) and warm reloads, locally and on the
// slow profile of issue 12 (1.6 Mbps down, 150 ms round trip, CPU 4x slower, through the DevTools protocol).
// A script that prints figures, not a test. Usage: npm run build, then node scripts/bench-page.mjs [runs]
import { launch } from '../tests/browser/chromium.mjs';
import { startServer } from './serve.mjs';

const runs = Number(process.argv[2] ?? 9);
const server = await startServer(0);
const url = `http://127.0.0.1:${server.address().port}/`;

const SLOW = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

async function load(context, throttled) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (throttled) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('jwtlens-ready')[0].startTime);
  // Time of a first decode too: a Cognito-sized token pasted, until its result is shown.
  const decode = await page.evaluate(() => new Promise((resolve) => {
    const lens = document.querySelector('jwt-lens');
    const t0 = performance.now();
    lens.addEventListener('jwtlens-result', () => requestAnimationFrame(() => resolve(performance.now() - t0)), { once: true });
    lens.shadowRoot.getElementById('example-getuser').click();
  }));
  await page.close();
  return { ready, decode };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

for (const throttled of [false, true]) {
  const cold = [];
  const warm = [];
  const decodes = [];
  const n = throttled ? Math.max(3, Math.ceil(runs / 3)) : runs;
  for (let i = 0; i < n; i++) {
    const context = await launch();
    const first = await load(context, throttled);
    cold.push(first.ready);
    decodes.push(first.decode);
    warm.push((await load(context, throttled)).ready);
    await context.close();
  }
  const name = throttled ? 'slow profile (1.6 Mbps, 150 ms RTT, 4x CPU)' : 'local';
  console.log(`${name}: interactive, cold ${fmt(cold)}; warm ${fmt(warm)}; first decode of the GetUser example ${fmt(decodes)}`);
}
server.close();
