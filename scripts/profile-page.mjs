// Prints where the built page's time to interactive goes: a Chromium performance trace of each load, from navigation
// start to the element's `jwtlens-ready` mark, with the renderer main thread's time summed by kind of work (what
// bench-page.mjs measures as one figure, taken apart). Cold loads use a new browser profile each; warm loads reload
// in the same profile (HTTP cache, V8's code cache and the compiled WebAssembly warm).
// A script that prints figures, not a test. Usage: npm run build, then node scripts/profile-page.mjs [runs]
import { launch } from '../tests/browser/chromium.mjs';
import { startServer } from './serve.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await startServer(0);
const url = `http://127.0.0.1:${server.address().port}/`;

// Trace event names → the kind of work they are, first match wins. Each event counts its self time only (a layout
// inside a task is layout; the task's own remainder is "other"), so nested time is not counted twice.
const KINDS = [
  ['WebAssembly compile', /^v8\.wasm\.|wasm/i],
  ['style and layout (text shaping included)', /Layout|[Ss]tyle|ShapeText|InlineNode|LayoutTree|CSSParser|StyleSheet/],
  ['script compile and run', /^(v8|V8)[.:]|^(EvaluateScript|FunctionCall|RunMicrotasks|TimerFire|EventDispatch|HTMLParserScriptRunner)|Microtask/],
  ['paint and commit', /Paint|Commit$|^Commit|Layerize|UpdateLayer|Composit|UpdateLifecycle/],
  ['HTML parse', /ParseHTML|HTMLDocumentParser|HTMLPreloadScanner|TextResourceDecoder|DecodedDataDocumentParser|FinishedParsing/],
  ['navigation and loading (commit, requests, responses)', /^(DocumentLoader|NavigationBodyLoader|ResourceFetcher|ResponseBodyLoader|CommitLoad|LocalWindowProxy|Document::)/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other task time (scheduler, IPC, untraced)';

/** Main-thread time by kind between navigation start and `jwtlens-ready`, from one trace. */
function breakdown(events, readyAt) {
  const mark = events.find((e) => e.name === 'jwtlens-ready');
  if (!mark) throw new Error('the trace has no jwtlens-ready mark');
  const end = mark.ts;
  const start = end - readyAt * 1000;
  const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const slices = events.filter((e) => e.ph === 'X' && e.pid === mark.pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain'
    && e.ts + (e.dur ?? 0) > start && e.ts < end);
  // Self time of each slice: its duration (clipped to the window) less that of the slices directly inside it.
  slices.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = new Map();
  const stack = [];
  const clip = (e) => Math.max(0, Math.min(e.ts + e.dur, end) - Math.max(e.ts, start)) / 1000;
  for (const e of slices) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) totals.set(parent.kind, (totals.get(parent.kind) ?? 0) - clip(e));
    e.kind = kindOf(e.name);
    totals.set(e.kind, (totals.get(e.kind) ?? 0) + clip(e));
    stack.push(e);
  }
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  totals.set('main thread idle (waiting for the network, other threads)', readyAt - busy);
  return totals;
}

async function traced(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink.user_timing', 'loading', 'v8', 'v8.execute',
    'disabled-by-default-v8.compile', 'toplevel'];
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const readyAt = await page.evaluate(() => performance.getEntriesByName('jwtlens-ready')[0].startTime);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return breakdown(events, readyAt).set('ready', readyAt);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const warm of [false, true]) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await launch();
    if (warm) {
      const first = await context.newPage();
      await first.goto(url);
      await first.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      await first.close();
    }
    results.push(await traced(context));
    await context.close();
  }
  const rows = [...new Set(results.flatMap((r) => [...r.keys()]))].filter((k) => k !== 'ready');
  console.log(`${warm ? 'warm' : 'cold'} load, local (median of ${runs}): interactive at ${median(results.map((r) => r.get('ready'))).toFixed(0)} ms`);
  const medians = rows.map((k) => [k, median(results.map((r) => r.get(k) ?? 0))]).sort((a, b) => b[1] - a[1]);
  for (const [k, ms] of medians) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${k}`);
}
server.close();
