// The page's half of the surfaces test (the command line's is tests/js/surfaces.test.mjs): the <jwt-lens> picker
// offers every target kind of the core's tables, with one field per setting, and each kind can be chosen both ways —
// by the `context` property and by the form — giving a verdict under the table's label. A target added to the Rust
// tables is walked here without an edit.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './chromium.mjs';
import { openPage, paste, serve } from './helpers.mjs';
import { jws } from '../js/tokens.mjs';
import { TARGETS } from '../../js/generated/tables.js';
import { SIGN_ALGORITHMS } from '../../js/element/sign-view.js';

let server;
let url;
let context;

before(async () => {
  ({ server, url } = await serve());
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
});

const sample = (s) => (s.kind === 'list' ? ['sample-1'] : s.kind === 'switch' ? true : `sample-${s.name}`);

test('the picker offers every target kind, each with a field per setting', async () => {
  const { page } = await openPage(context, url);
  const options = await page.locator('#target option').evaluateAll((els) => els.map((e) => [e.value, e.textContent]));
  assert.deepEqual(options, [['', 'None: what the token alone says'], ...TARGETS.map((t) => [t.kind, t.label])]);
  let fields = 0;
  for (const t of TARGETS) {
    for (const s of t.settings) {
      assert.equal(await page.locator(`#${t.kind}-${s.name}`).count(), 1, `${t.kind}.${s.name}`);
      fields++;
    }
  }
  assert.equal(fields, TARGETS.reduce((n, t) => n + t.settings.length, 0));
  const algs = await page.locator('#encode-alg option').evaluateAll((els) => els.map((e) => e.value).filter((v) => v && v !== 'none'));
  assert.deepEqual(algs, SIGN_ALGORITHMS);
  await page.close();
});

test('every target kind is accepted by the context property and by the form, and judged under its label', async () => {
  const { page } = await openPage(context, url);
  const token = jws({ alg: 'RS256', kid: 'k' }, { sub: 'u', iss: 'https://issuer.example', exp: 4102444800 });
  await paste(page, token);
  for (const t of TARGETS) {
    const target = { kind: t.kind, ...Object.fromEntries(t.settings.map((s) => [s.name, sample(s)])) };
    // By property: the picker and the fields follow, and the verdict is the target's.
    await page.evaluate((tg) => { document.querySelector('jwt-lens').context = { target: tg }; }, target);
    await page.waitForFunction((label) => document.querySelector('jwt-lens').shadowRoot.querySelector('#verdict h2')?.textContent.startsWith(label), t.label);
    assert.equal(await page.inputValue('#target'), t.kind);
    const back = await page.evaluate(() => document.querySelector('jwt-lens').context.target);
    assert.deepEqual(back, target, `${t.kind}: the form reads back what was set`);
    // By the form: choose none, then the kind, and fill the required fields.
    await page.selectOption('#target', '');
    await page.selectOption('#target', t.kind);
    for (const s of t.settings.filter((x) => x.required)) {
      await page.fill(`#${t.kind}-${s.name}`, [sample(s)].flat()[0]);
    }
    await page.waitForFunction((label) => document.querySelector('jwt-lens').shadowRoot.querySelector('#verdict h2')?.textContent.startsWith(label), t.label);
    assert.equal((await page.evaluate(() => document.querySelector('jwt-lens').result.verdict)).target, t.kind);
  }
  await page.close();
});
