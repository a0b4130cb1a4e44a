// <jwt-lens>: the jwtlens debugger as a custom element (this file: its lifecycle, properties and wiring; the parts are
// beside it: engine.js, form.js, results.js, encoder.js, keys.js, model.js, report.js, styles.js, worker.js), the one UI of the page (www/) and of any app that embeds it:
// two views, Decode (paste a token: the answer, the findings, the token as written) and Encode (sign a test token).
//   import 'jwtlens/element';   then   <jwt-lens token="eyJ…"></jwt-lens>
//
// Attributes / properties: `token` (the pasted text), `keys` (a JWK, JWKS, PEM or secret to verify with), `context`
// (JSON / object: the `inspect` options now, clockSkew, expect, target), `theme` ("light" | "dark"; absent: follow
// the system). Events (bubbling, composed): `jwtlens-ready`, `jwtlens-result` (detail: the verdict, the answers and
// the findings), `jwtlens-error` (detail: { message }) when the WebAssembly module cannot load. Method: `report()`
// resolves to the redacted Markdown report. Styles live in the shadow root (a constructed stylesheet: no inline
// style, no inline script), so the element runs under a strict Content-Security-Policy.
// The key box (keys.js): the `keys` property also takes the bytes of a DER key or certificate; the
// `no-fetch` attribute (property `noFetch`) hides "Fetch keys from the issuer", for hosts that never want a request.
//
// Everything from the token is written with textContent or as an attribute value, never parsed as HTML.
//
// Stable DOM inside the shadow root, for tests and for `::part` styling (keep it stable):
//   .tabs[part=tabs] > #tab-decode, #tab-encode (role=tab): two views of one element, #decode-view and #encode-view;
//   #encode-view > section.encode[part=encode] with #encode-header, #encode-payload (textareas; .json-error under
//     each), #encode-alg, #encode-expires, #encode-iat, #encode-key, #generate-key (+ #generate-status),
//     #encode-public, #encode-token (span.seg-*), #copy-encoded, #encode-check, #encode-status, #encode-findings;
//     button.resign on each decoded token card brings its exact header and payload text into the Encode view;
//   #keys-box (details) > #keys (textarea), #choose-key-file, #key-file (input type=file), #remove-key-file,
//     #key-file-status, #fetch-keys > #fetch-keys-button, #fetch-keys-plan (#fetch-keys-url), #fetch-keys-unverified,
//     #fetch-keys-status, #fetch-keys-details (ol.requests, ol.findings-list); #fetch-keys-offline; #decrypt-keys
//     (textarea: JWE decryption keys, the `decryptionKeys` option: they decrypt, never verify);
//   #token (textarea), #target (select; one option per target kind of js/generated/tables.js, its fields
//     #<kind>-<setting>), #status (role=status: the decision or what was found, announced),
//   section#answers[part=answers]   > ol.answers > li.answer[data-decision=allow|deny|unknown][data-token=N]
//                                      with .service, .reason, .fix, and button.rules ("Rule by rule": sets the target)
//   section#verdict[part=verdict]   > .decision-line .badge[data-decision], .summary, ol.rules > li.rule[data-rule][data-outcome]
//   section#findings[part=findings] > ol.findings-list[data-severity] > li.finding[data-code][data-severity] (.excerpt mark)
//   section#signature[part=signature], section#tokens[part=tokens] > article.token[data-token=N]
//     (.written with span.seg-header/.seg-payload/.seg-signature and mark[data-finding], pre.json.header, pre.json.payload,
//      dl.claims, figure.timeline), .more > button.show-all; #copy-report, #redactions.
import { clockSeconds } from '../clock.js';
import { fill, h, plural } from './dom.js';
import { Encoder } from './encoder.js';
import { config, configure, engine as sharedEngine } from './engine.js';
import { examples } from './examples.js';
import { ContextBox, TargetPicker, encodingOptions } from './form.js';
import { KeyBox } from './keys.js';
import { TOKEN_LIMIT, summary, targetName } from './model.js';
import { ALWAYS_REDACTED, DEFAULT_REDACTED } from './report.js';
import { ResultsView, statusText } from './results.js';
import { css } from './styles.js';

export { configure };

let engine = null;

export class JwtLens extends HTMLElement {
  static observedAttributes = ['token', 'keys', 'context', 'no-fetch'];

  #root;
  #f = {};
  #ready = false;
  #seq = 0;
  #inflight = false;
  #again = false;
  #view = null;
  #redact = new Map(DEFAULT_REDACTED.map((n) => [n, true]));
  #lastStatus = '';
  #keyBox;
  #picker = new TargetPicker();
  #context = new ContextBox();
  #results;
  #encoder;
  #viewName = 'decode';
  #resolveReady;
  #rejectReady;
  #started = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    this.#root.adoptedStyleSheets = [sheet];
    this.#build();
    /** Resolves when the element can decode; rejects when the WebAssembly module cannot load. */
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {});
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    // Deferred by a microtask so that `import 'jwtlens/element'; configure(…)` in one module still configures the
    // engine when the element was already in the document (defining it upgrades and connects it at once).
    queueMicrotask(() => this.#start());
  }

  #start() {
    engine ??= sharedEngine();
    engine.ready.then(() => {
      this.#ready = true;
      this.#f.loading.hidden = true;
      this.#run();
      this.#encoder.sign();
      this.#resolveReady();
      // The full module (keys, signing) follows once the page is idle, so it is there when the user asks for it.
      (globalThis.requestIdleCallback ?? setTimeout)(() => engine.full().catch(() => {}));
      // A User Timing mark, so the page's time to interactive can be read (scripts/bench-page.mjs).
      performance.mark?.('jwtlens-ready');
      this.dispatchEvent(new CustomEvent('jwtlens-ready', { bubbles: true, composed: true }));
    }, (error) => {
      const message = loadFailure(error);
      this.#f.loading.textContent = message;
      this.#f.loading.className = 'notice error';
      this.#f.loading.setAttribute('role', 'alert');
      this.#rejectReady(new Error(message));
      this.dispatchEvent(new CustomEvent('jwtlens-error', { bubbles: true, composed: true, detail: { message } }));
    });
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'token') this.token = value ?? '';
    if (name === 'keys') this.keys = value ?? '';
    if (name === 'no-fetch') this.#keyBox.noFetch = value !== null;
    if (name === 'context') {
      try {
        this.context = value ? JSON.parse(value) : {};
      } catch {
        this.#f.error.hidden = false;
        this.#f.error.textContent = 'The context attribute is not valid JSON.';
      }
    }
  }

  /** The pasted text (a token, an Authorization header, a token response, a redirect URL…). */
  get token() {
    return this.#f.token.value;
  }
  set token(value) {
    this.#f.token.value = String(value ?? '');
    this.#run();
  }

  /** Keys to verify with: a JWK, a JWKS, PEM blocks or an HMAC secret; or the bytes of a DER key or certificate. */
  get keys() {
    return this.#keyBox.keys();
  }
  set keys(value) {
    this.#keyBox.set(value);
    if (value) this.#f.keysBox.open = true;
    this.#run();
  }

  /** True hides "Fetch keys from the issuer" (the `no-fetch` attribute). */
  get noFetch() {
    return this.hasAttribute('no-fetch');
  }
  set noFetch(on) {
    this.toggleAttribute('no-fetch', Boolean(on));
  }

  /** The `inspect` options besides keys: { now, clockSkew, expect, target }. Any target kind of the tables. */
  get context() {
    return this.#options(false);
  }
  set context(value) {
    const ctx = { ...(value ?? {}) };
    this.#context.set(ctx);
    this.#picker.set(ctx.target ?? null);
    this.#run();
  }

  /** The last result's summary (what `jwtlens-result` carried), or null. */
  get result() {
    return this.#view ? summary(this.#view) : null;
  }

  /** The redacted Markdown report of the current result. */
  async report() {
    await this.ready;
    return engine.ask('report', { settings: { redact: this.#redactions() } });
  }

  // -------------------------------------------------------------------------------------------------------------

  #build() {
    const f = this.#f;
    const ex = examples();
    f.token = h('textarea', {
      id: 'token', class: 'mono', rows: 4, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', autocorrect: 'off',
      placeholder: 'eyJhbGciOi…  (Bearer …, a token response, a redirect URL: all fine)', 'aria-describedby': 'token-hint',
    });
    f.loading = h('p', { class: 'notice', id: 'loading', role: 'status', text: 'Loading the decoder…' });
    f.error = h('p', { class: 'notice error', id: 'options-error', role: 'alert', hidden: true });
    f.keys = h('textarea', { id: 'keys', class: 'mono', rows: 4, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' });
    f.encoding = h('select', { id: 'secret-encoding' }, encodingOptions());
    f.keysBox = h('details', { id: 'keys-box' }, h('summary', { text: 'Verify the signature, decrypt' }),
      h('label', { for: 'keys', text: 'Key: a JWK, a JWKS, PEM public keys or certificates, or an HMAC secret' }), f.keys);
    this.#keyBox = new KeyBox({ h, textarea: f.keys, box: f.keysBox, api: () => engine?.api, full: () => engine.full(), offline: () => config.offline === true,
      changed: () => this.#run(), findingItem: (x) => this.#results.findingItem(x) });
    f.decryptKeys = h('textarea', { id: 'decrypt-keys', class: 'mono', rows: 3, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': 'decrypt-keys-hint' });
    f.keysBox.append(this.#keyBox.tools, this.#keyBox.fetch,
      h('label', { for: 'decrypt-keys', text: 'Decrypt (JWE): the recipient\'s private key (PEM, JWK, JWKS) or the shared secret' }), f.decryptKeys,
      h('p', { class: 'hint', id: 'decrypt-keys-hint', text: 'Kept in this page\'s memory only: never stored, never sent. Cleared with the page.' }),
      h('label', { for: 'secret-encoding', text: 'Secret encoding' }), f.encoding);

    // The status line repeats the decision for screen readers (announced on change); the sections below show it.
    f.status = h('p', { id: 'status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    f.note = h('p', { id: 'note', class: 'note', role: 'status', 'aria-live': 'polite' });
    const section = (id) => h('section', { id, part: id, 'aria-labelledby': `${id}-title`, hidden: true });
    for (const id of ['answers', 'verdict', 'findings', 'signature', 'tokens', 'dpop']) f[id] = section(id);
    f.serviceErrors = h('section', { id: 'service-errors', part: 'service-errors', 'aria-labelledby': 'service-errors-title', hidden: true });
    this.#results = new ResultsView(f, {
      rules: (target) => {
        this.#picker.set(target);
        this.#run();
        this.#picker.select.focus();
      },
      ask: (type, data) => engine.ask(type, data),
      current: (v) => this.#view === v,
      copy: (text, what) => this.#copy(text, what),
      resign: (source) => this.#encoder.editAndResign(source),
    });
    f.copyReport = h('button', { type: 'button', id: 'copy-report', class: 'primary', text: 'Copy redacted report', onclick: () => this.#copyReport() });
    f.redactions = h('fieldset', { id: 'redactions', class: 'redactions' });
    f.report = h('section', { id: 'report', part: 'report', 'aria-label': 'Report', hidden: true },
      h('div', { class: 'report-tools' }, f.copyReport,
        h('span', { class: 'hint', text: 'Markdown for a ticket or an issue: no signature, no encoded token, personal claims redacted.' })),
      h('details', { id: 'report-options' }, h('summary', { text: 'What the report redacts' }),
        h('p', { class: 'hint', text: `Always: the encoded token and its signature, keys, the Authorization header, and the claims ${ALWAYS_REDACTED.join(', ')}.` }),
        f.redactions));
    f.fallback = h('div', { id: 'fallback', hidden: true });
    f.empty = h('div', { id: 'empty', class: 'notice' },
      h('p', { text: 'Paste a token above, or try one of the examples. Everything runs in this page: nothing is sent anywhere and nothing is stored.' }));

    const load = (which) => () => {
      const e = examples()[which];
      this.context = e.context;
      this.token = e.token;
      this.#f.token.focus();
    };
    const decodeView = h('div', { id: 'decode-view', role: 'tabpanel', 'aria-labelledby': 'tab-decode' },
      h('section', { class: 'input', part: 'input' },
        h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Examples and clear' },
          h('span', { class: 'hint', text: 'Examples:' }),
          h('button', { type: 'button', id: 'example-getuser', title: ex.getUser.title, onclick: load('getUser'), text: 'GetUser without the admin scope' }),
          h('button', { type: 'button', id: 'example-rest', title: ex.restIdToken.title, onclick: load('restIdToken'), text: 'REST API: ID token, method with scopes' }),
          h('button', { type: 'button', id: 'clear', onclick: () => this.#clear(), text: 'Clear' })),
        h('label', { for: 'token', text: 'Token' }),
        h('p', { class: 'hint', id: 'token-hint', text: 'A JWT, an Authorization header, a token response or a redirect URL; several tokens at once are fine.' }),
        f.token, f.loading, f.error),
      this.#picker.section, f.keysBox, this.#context.box,
      h('section', { class: 'results', part: 'results', 'aria-label': 'Results' },
        f.status, f.empty, f.serviceErrors, f.answers, f.verdict, f.dpop, f.report, f.note, f.fallback, f.findings, f.signature, f.tokens));
    this.#encoder = new Encoder({
      engine: () => engine,
      active: () => this.#ready && this.#viewName === 'encode',
      show: (name) => this.#showView(name),
      copy: (text, what) => this.#copy(text, what),
      findingItem: (x) => this.#results.findingItem(x),
      checkInDecode: ({ token, key, encoding }) => {
        this.#keyBox.setText(key);
        f.encoding.value = encoding;
        if (key) f.keysBox.open = true;
        this.#showView('decode');
        this.token = token;
        f.tabs.decode.focus();
      },
    });
    const tab = (name, label) => h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `${name}-view`,
      text: label, onclick: () => this.#showView(name) });
    f.tabs = { decode: tab('decode', 'Decode'), encode: tab('encode', 'Encode') };
    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Decode or encode', part: 'tabs' }, f.tabs.decode, f.tabs.encode);
    // Arrow keys move between the two tabs (the WAI-ARIA tabs pattern); Tab moves on into the panel.
    tabs.addEventListener('keydown', (e) => {
      if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
      e.preventDefault();
      const next = this.#viewName === 'decode' ? 'encode' : 'decode';
      this.#showView(e.key === 'Home' ? 'decode' : e.key === 'End' ? 'encode' : next);
      f.tabs[this.#viewName].focus();
    });
    f.views = { decode: decodeView, encode: this.#encoder.build() };
    this.#root.append(h('div', { class: 'lens', part: 'base' }, tabs, f.views.decode, f.views.encode));
    this.#showView('decode');

    this.#root.addEventListener('input', (e) => {
      if (f.views.encode.contains(e.target)) {
        this.#encoder.sign();
        return;
      }
      if (e.target === this.#picker.select) this.#picker.show();
      if (e.target.closest?.('#redactions')) return;
      this.#run();
    });
    this.#root.addEventListener('change', (e) => {
      if (e.target.closest?.('#redactions')) this.#redact.set(e.target.value, e.target.checked);
      // Checkboxes and selects of the Encode view fire change (and input); signing twice is harmless but wasteful.
      if (f.views.encode.contains(e.target) && e.target.type === 'checkbox') this.#encoder.sign();
      // A target's switch fires change only in some browsers' input events.
      else if (this.#picker.section.contains(e.target) && e.target.type === 'checkbox') this.#run();
    });
  }

  #showView(name) {
    const f = this.#f;
    this.#viewName = name;
    for (const [view, panel] of Object.entries(f.views)) {
      const on = view === name;
      panel.hidden = !on;
      f.tabs[view].setAttribute('aria-selected', String(on));
      f.tabs[view].tabIndex = on ? 0 : -1;
    }
    if (name === 'encode') this.#encoder.sign();
  }

  #clear() {
    this.#f.token.value = '';
    this.#keyBox.setText('');
    this.#f.decryptKeys.value = '';
    this.#f.fallback.hidden = true;
    this.#run();
    this.#f.token.focus();
  }

  /** The `inspect` options from the form (keys included when `withKeys`); the default `now` is the clock's. */
  #options(withKeys = true) {
    const opts = this.#context.read({}, clockSeconds());
    const t = this.#picker.read();
    if (t?.target) opts.target = t.target;
    const keys = this.#keyBox.keys();
    const decrypt = this.#f.decryptKeys.value;
    if (withKeys && (typeof keys !== 'string' || keys.trim())) opts.keys = keys;
    // The Decrypt field is its own option: a decryption key never verifies, and it may be PEM beside a JWK there.
    if (withKeys && decrypt.trim()) opts.decryptionKeys = decrypt;
    if (opts.keys !== undefined || opts.decryptionKeys !== undefined) opts.secretEncoding = this.#f.encoding.value;
    return opts;
  }

  #run() {
    if (!this.#ready) return;
    const seq = ++this.#seq;
    const input = this.#f.token.value;
    const options = this.#options();
    this.#renderPrompt(this.#picker.read());
    const limits = { limit: TOKEN_LIMIT, evaluationChosen: this.#context.chosenNow() !== null };
    if (input.trim() === '') {
      this.#renderEmpty();
      return;
    }
    const big = engine.usesWorker(input);
    if (big && this.#inflight) {
      this.#again = true;
      return;
    }
    if (big) {
      this.#inflight = true;
      this.#setStatus(`Decoding ${plural(input.length, 'character')}…`);
    }
    engine.run(input, options, limits).then((v) => {
      if (seq === this.#seq) this.#render(v, options);
    }, (e) => {
      if (seq !== this.#seq) return;
      this.#f.error.hidden = false;
      this.#f.error.textContent = `${e.code === 'ERR_INVALID_OPTIONS' ? 'A setting is not valid' : 'Could not decode'}: ${e.message}`;
    }).finally(() => {
      if (!big) return;
      this.#inflight = false;
      if (this.#again) {
        this.#again = false;
        this.#run();
      }
    });
  }

  #setStatus(text) {
    if (text === this.#lastStatus) return;
    this.#lastStatus = text;
    this.#f.status.textContent = text;
  }

  #renderPrompt(t) {
    const { prompt } = this.#picker;
    prompt.hidden = !t?.missing;
    if (t?.missing) {
      prompt.textContent = `To simulate ${targetName(t.kind)}, enter: ${t.missing.join(', ')}. Until then nothing is judged against it; the results below come from the token alone.`;
    }
  }

  #renderEmpty() {
    const f = this.#f;
    this.#view = null;
    f.error.hidden = true;
    f.empty.hidden = false;
    for (const section of [f.serviceErrors, f.answers, f.verdict, f.dpop, f.findings, f.signature, f.tokens]) {
      section.hidden = true;
      section.replaceChildren();
    }
    f.report.hidden = true;
    this.#keyBox.update(null);
    this.#setStatus('Paste a token to start.');
  }

  #render(v, options) {
    const f = this.#f;
    this.#view = v;
    f.error.hidden = true;
    f.empty.hidden = true;
    const r = this.#results;
    r.serviceErrors(v);
    r.answers(v);
    r.dpop(v);
    r.verdict(v);
    r.findings(v);
    r.signature(v);
    r.tokens(v);
    this.#renderRedactions(v);
    this.#keyBox.update(v.tokens[0]?.compact ?? null, { expected: options.expect?.userPoolId ?? options.expect?.issuer ?? null, now: options.now });
    this.#setStatus(statusText(v));
    this.dispatchEvent(new CustomEvent('jwtlens-result', { bubbles: true, composed: true, detail: summary(v) }));
  }

  #renderRedactions(v) {
    const f = this.#f;
    f.report.hidden = v.tokenCount === 0;
    const names = v.claimNames.filter((n) => !ALWAYS_REDACTED.includes(n));
    fill(f.redactions, h('legend', { text: names.length ? 'Also redact' : 'No other claims to redact' }),
      names.map((n) => {
        const box = h('input', { type: 'checkbox', value: n });
        box.checked = this.#redact.get(n) ?? false;
        return h('label', { class: 'inline' }, box, n);
      }));
  }

  #redactions() {
    return [...this.#redact].filter(([, on]) => on).map(([n]) => n);
  }

  async #copyReport() {
    const text = await this.report();
    await this.#copy(text, 'the redacted report');
  }

  async #copy(text, what) {
    const f = this.#f;
    try {
      await navigator.clipboard.writeText(text);
      f.fallback.hidden = true;
      f.note.textContent = `Copied ${what}.`;
    } catch {
      // No clipboard access (an embedding page's permissions policy, an old browser): select it for a manual copy.
      const area = h('textarea', { class: 'fallback-copy mono', rows: 8, readonly: true, spellcheck: 'false', 'aria-label': `Copy ${what}` });
      area.value = text;
      fill(f.fallback, h('p', { text: `The clipboard is not available here: ${what} is selected below, copy it with Ctrl+C (⌘C).` }), area);
      f.fallback.hidden = false;
      area.focus();
      area.select();
      f.note.textContent = `Select and copy ${what} below.`;
    }
  }
}


function loadFailure(error) {
  const reason = String(error?.message ?? error);
  let hint = 'Check that jwtlens-decoder_bg.wasm and jwtlens_bg.wasm are served next to the scripts, as application/wasm.';
  if (typeof WebAssembly !== 'object') hint = 'This browser has WebAssembly turned off (some hardened configurations do); jwtlens needs it.';
  else if (location.protocol === 'file:') hint = 'Browsers do not load WebAssembly for a page opened from a file: open the single-file build (jwtlens.html) instead, or serve this folder over HTTP (npm start).';
  else if (/Content Security Policy|CSP|wasm-unsafe-eval/i.test(reason)) hint = 'The Content-Security-Policy must allow \'wasm-unsafe-eval\' in script-src.';
  return `The decoder (WebAssembly) could not be loaded: ${reason}. ${hint}`;
}

if (typeof customElements !== 'undefined' && !customElements.get('jwt-lens')) customElements.define('jwt-lens', JwtLens);
