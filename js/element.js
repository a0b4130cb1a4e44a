// <jwt-lens>: the jwtlens debugger as a custom element, the one UI of the page (www/) and of any app that embeds it:
// two views, Decode (paste a token: the answer, the findings, the token as written) and Encode (sign a test token).
//   import 'jwtlens/element';   then   <jwt-lens token="eyJ…"></jwt-lens>
//
// Attributes / properties: `token` (the pasted text), `keys` (a JWK, JWKS, PEM or secret to verify with), `context`
// (JSON / object: the `inspect` options now, clockSkew, expect, target), `theme` ("light" | "dark"; absent: follow
// the system). Events (bubbling, composed): `jwtlens-ready`, `jwtlens-result` (detail: the verdict, the answers and
// the findings), `jwtlens-error` (detail: { message }) when the WebAssembly module cannot load. Method: `report()`
// resolves to the redacted Markdown report. Styles live in the shadow root (a constructed stylesheet: no inline
// style, no inline script), so the element runs under a strict Content-Security-Policy.
// The key box (js/element-keys.js): the `keys` property also takes the bytes of a DER key or certificate; the
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
//     #fetch-keys-status, #fetch-keys-details (ol.requests, ol.findings-list); #fetch-keys-offline;
//   #token (textarea), #target (select), #status (role=status: the decision or what was found, announced),
//   section#answers[part=answers]   > ol.answers > li.answer[data-decision=allow|deny|unknown][data-token=N]
//                                      with .service, .reason, .fix, and button.rules ("Rule by rule": sets the target)
//   section#verdict[part=verdict]   > .decision-line .badge[data-decision], .summary, ol.rules > li.rule[data-rule][data-outcome]
//   section#findings[part=findings] > ol.findings-list[data-severity] > li.finding[data-code][data-severity] (.excerpt mark)
//   section#signature[part=signature], section#tokens[part=tokens] > article.token[data-token=N]
//     (.written with span.seg-header/.seg-payload/.seg-signature and mark[data-finding], pre.json.header, pre.json.payload,
//      dl.claims, figure.timeline), .more > button.show-all; #copy-report, #redactions.
import { load } from './init.js';
import { loadDecoder } from './decoder.js';
import { ALWAYS_REDACTED, DEFAULT_REDACTED, SIGN_ALGORITHMS, createSession, examples, keyAlgorithm, signView, summary, targetName, TOKEN_LIMIT } from './element-model.js';
import { css } from './element-styles.js';
import { KeyBox } from './element-keys.js';

/** Inputs longer than this (UTF-16 units) are decoded in the Worker; shorter ones at once on the main thread. */
const MAIN_THREAD_LIMIT = 64 * 1024;

const config = { wasm: undefined, decoder: undefined, worker: undefined, offline: false };

/**
 * Where the element gets its WebAssembly modules and Worker. Call before the first <jwt-lens> connects.
 * `wasm`: the full module (keys, verification, signing) as a compiled WebAssembly.Module, its bytes, or a URL
 * (default: the .wasm next to the glue).
 * `decoder`: the decoder-only module, loaded first so that a paste is decoded while the full one loads (same forms;
 * default: next to its glue), or `false` to load only the full module (a single-file page that has it inline).
 * `worker`: a function returning a Worker running js/element-worker.js, or `false` to decode everything on the
 * main thread (big pastes then block the page while they decode).
 * `offline`: true where the page allows no connection at all (connect-src 'none', as the single-file build): the
 * key box then names the issuer's key URL to open instead of offering to fetch it.
 */
export function configure(options = {}) {
  Object.assign(config, options);
}

function defaultWorker() {
  return new Worker(new URL('./element-worker.js', import.meta.url), { type: 'module' });
}

/** The decoder shared by every element of the page: the main-thread module, and a Worker for big pastes. */
class Engine {
  #worker = null;
  #workerReady = null;
  #workerBroken = false;
  #calls = new Map();
  #next = 0;
  /** Where the last result lives: 'main' or 'worker'. */
  #last = 'main';

  constructor() {
    this.ready = this.#init();
  }

  #full = null;

  async #init() {
    let source = config.wasm;
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) source = await WebAssembly.compile(source);
    this.module = source instanceof WebAssembly.Module ? source : undefined;
    this.source = source;
    if (config.decoder === false) {
      await this.full();
    } else {
      this.api = await loadDecoder(config.decoder);
      this.main = createSession(this.api);
    }
  }

  /**
   * The full module (keys, verification, signing, fetching), loaded once, on first need or when the page is idle
   * after its first answer; from then on every call uses it. `fullApi` is set once it is loaded.
   */
  full() {
    this.#full ??= load(this.source).then((api) => {
      this.api = this.fullApi = api;
      this.main = createSession(api);
      return api;
    });
    return this.#full;
  }

  usesWorker(input) {
    return input.length > MAIN_THREAD_LIMIT && !this.#workerBroken && config.worker !== false;
  }

  #startWorker() {
    if (this.#worker) return this.#workerReady;
    try {
      const worker = (config.worker ?? defaultWorker)();
      worker.onmessage = (e) => {
        const call = this.#calls.get(e.data.id);
        if (!call) return;
        this.#calls.delete(e.data.id);
        if (e.data.error) call.reject(Object.assign(new Error(e.data.error.message), { code: e.data.error.code }));
        else call.resolve(e.data.ok);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.#brokenWorker(new Error(`the Worker failed: ${e.message || 'it could not start'}`));
      };
      this.#worker = worker;
      this.#workerReady = this.#call('init', { wasm: this.module });
      this.#workerReady.catch(() => this.#brokenWorker(new Error('the Worker could not load the WebAssembly module')));
    } catch (e) {
      this.#brokenWorker(e);
    }
    return this.#workerReady;
  }

  #brokenWorker(error) {
    this.#workerBroken = true;
    this.#worker?.terminate();
    for (const call of this.#calls.values()) call.reject(Object.assign(error, { workerBroken: true }));
    this.#calls.clear();
  }

  #call(type, data = {}) {
    if (this.#workerBroken) return Promise.reject(Object.assign(new Error('no Worker'), { workerBroken: true }));
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, ...data });
    });
  }

  async run(input, options, limits) {
    await this.ready;
    if (options.keys !== undefined && !this.fullApi) await this.full();
    if (this.usesWorker(input)) {
      try {
        await this.#startWorker();
        const v = await this.#call('run', { input, options, limits });
        this.#last = 'worker';
        return v;
      } catch (e) {
        if (!e.workerBroken) throw e;
        // No Worker here (a bundler that cannot emit it, a CSP without worker-src): decode on the main thread.
      }
    }
    const v = this.main.run(input, options, limits);
    this.#last = 'main';
    return v;
  }

  /** A test key for `alg`: RSA keys take seconds, so they are made in the Worker (the main thread without one). */
  async generateKey(alg) {
    await this.ready;
    if (/^(RS|PS)/.test(alg) && !this.#workerBroken && config.worker !== false) {
      try {
        await this.#startWorker();
        return await this.#call('generateKey', { alg });
      } catch (e) {
        if (!e.workerBroken) throw e;
      }
    }
    return (await this.full()).generateKey(alg);
  }

  /** Follow-up questions go to wherever the last result lives. */
  async ask(type, data) {
    await this.ready;
    if (this.#last === 'worker') return this.#call(type, data);
    if (type === 'tokens') return this.main.tokens(data.from, data.to);
    if (type === 'findings') return this.main.findings(data.severity);
    return this.main.report(data.settings);
  }
}

let engine = null;

// ---------------------------------------------------------------------------------------------------------------
// DOM helpers: attributes through setAttribute, text through text nodes; never innerHTML, never a style attribute.

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** replaceChildren that skips null/false children (replaceChildren itself would write "null"). */
function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Seconds → the value of a datetime-local input read as UTC, and back. */
function toLocalInput(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}
function fromLocalInput(value) {
  const ms = Date.parse(`${value}Z`);
  return Number.isFinite(ms) ? ms / 1000 : null;
}
const words = (text) => text.split(/[\s,]+/).filter(Boolean);

const TARGETS = {
  cognitoApi: {
    fields: [['operation', 'Operation', 'input', 'GetUser', 'The user-pool API operation called with the access token.']],
    required: ['operation'],
    build: (f) => ({ kind: 'cognitoApi', operation: f.operation.trim() }),
    fill: (t) => ({ operation: t.operation ?? '' }),
  },
  apiGatewayRest: {
    fields: [
      ['rest-arns', 'User pool ARN(s) of the authorizer', 'textarea', '', 'One per line: the authorizer\'s providerARNs.'],
      ['rest-scopes', 'OAuth scopes of the method', 'input', '', 'Space-separated. Empty: the method expects an ID token.'],
      ['rest-regex', 'Token validation regex', 'input', '', 'Optional: identityValidationExpression.'],
      ['rest-header', 'Authorization header exactly as sent', 'input', '', 'Optional: checked as the authorizer reads it.'],
    ],
    required: ['rest-arns'],
    optional: ['rest-regex', 'rest-header'],
    build: (f) => {
      const t = { kind: 'apiGatewayRest', providerArns: words(f['rest-arns']) };
      if (f['rest-scopes'].trim()) t.scopes = words(f['rest-scopes']);
      if (f['rest-regex']) t.identityValidationExpression = f['rest-regex'];
      if (f['rest-header']) t.headerValue = f['rest-header'];
      return t;
    },
    fill: (t) => ({ 'rest-arns': (t.providerArns ?? []).join('\n'), 'rest-scopes': (t.scopes ?? []).join(' '),
      'rest-regex': t.identityValidationExpression ?? '', 'rest-header': t.headerValue ?? '' }),
  },
  apiGatewayHttp: {
    fields: [
      ['http-issuer', 'Issuer', 'input', '', 'The authorizer\'s issuer URL.'],
      ['http-audiences', 'Audiences', 'input', '', 'Space-separated.'],
      ['http-scopes', 'Route scopes', 'input', '', 'Optional, space-separated.'],
    ],
    required: ['http-issuer', 'http-audiences'],
    build: (f) => {
      const t = { kind: 'apiGatewayHttp', issuer: f['http-issuer'].trim(), audiences: words(f['http-audiences']) };
      if (f['http-scopes'].trim()) t.scopes = words(f['http-scopes']);
      return t;
    },
    fill: (t) => ({ 'http-issuer': t.issuer ?? '', 'http-audiences': (t.audiences ?? []).join(' '), 'http-scopes': (t.scopes ?? []).join(' ') }),
  },
  oidc: {
    fields: [
      ['oidc-issuer', 'Issuer', 'input', '', 'From the provider\'s discovery document.'],
      ['oidc-client', 'Client id', 'input', '', 'Your application\'s client id.'],
    ],
    required: ['oidc-issuer', 'oidc-client'],
    build: (f) => ({ kind: 'oidc', issuer: f['oidc-issuer'].trim(), clientId: f['oidc-client'].trim() }),
    fill: (t) => ({ 'oidc-issuer': t.issuer ?? '', 'oidc-client': t.clientId ?? '' }),
  },
};

const OPERATIONS = ['GetUser', 'UpdateUserAttributes', 'DeleteUserAttributes', 'DeleteUser', 'ChangePassword',
  'GetUserAttributeVerificationCode', 'VerifyUserAttribute', 'SetUserMFAPreference', 'GlobalSignOut', 'ListDevices',
  'ConfirmDevice', 'AssociateSoftwareToken'];

const SEVERITY_TITLES = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const DECISION_WORDS = { allow: 'Allow', deny: 'Deny', unknown: 'Unknown' };

export class JwtLens extends HTMLElement {
  static observedAttributes = ['token', 'keys', 'context', 'no-fetch'];

  #root;
  #f = {};
  #ready = false;
  #seq = 0;
  #inflight = false;
  #again = false;
  #view = null;
  #contextExtra = {};
  #redact = new Map(DEFAULT_REDACTED.map((n) => [n, true]));
  #lastStatus = '';
  #uid = 0;

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

  #resolveReady;
  #rejectReady;

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    // Deferred by a microtask so that `import 'jwtlens/element'; configure(…)` in one module still configures the
    // engine when the element was already in the document (defining it upgrades and connects it at once).
    queueMicrotask(() => this.#start());
  }

  #started = false;

  #start() {
    engine ??= new Engine();
    engine.ready.then(() => {
      this.#ready = true;
      this.#f.loading.hidden = true;
      this.#run();
      this.#sign();
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

  #keyBox;

  /** The `inspect` options besides keys: { now, clockSkew, expect, target }. */
  get context() {
    return this.#options(false);
  }
  set context(value) {
    const ctx = { ...(value ?? {}) };
    const f = this.#f;
    f.now.value = typeof ctx.now === 'number' ? toLocalInput(ctx.now) : ctx.now instanceof Date ? toLocalInput(ctx.now.getTime() / 1000) : '';
    f.skew.value = ctx.clockSkew ? String(ctx.clockSkew) : '0';
    const expect = { ...(ctx.expect ?? {}) };
    f.issuer.value = expect.userPoolId ?? expect.issuer ?? '';
    f.clientId.value = expect.clientId ?? '';
    f.tokenUse.value = expect.tokenUse ?? '';
    delete expect.userPoolId;
    delete expect.issuer;
    delete expect.clientId;
    delete expect.tokenUse;
    this.#contextExtra = Object.keys(expect).length ? { expect } : {};
    this.#setTarget(ctx.target ?? null);
    if (ctx.now !== undefined || ctx.clockSkew || Object.keys(ctx.expect ?? {}).length) f.contextBox.open = true;
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
    const textField = (id, label, kind, value, hint) => {
      const attrs = { id, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': `${id}-hint` };
      const field = kind === 'textarea' ? h('textarea', { ...attrs, rows: 2 }) : h('input', { ...attrs, type: 'text' });
      field.value = value;
      if (id === 'operation') field.setAttribute('list', 'operations');
      f.targetFields[id] = field;
      return h('div', {}, h('label', { for: id, text: label }), field, h('span', { class: 'hint', id: `${id}-hint`, text: hint }));
    };
    f.targetFields = {};

    f.token = h('textarea', {
      id: 'token', class: 'mono', rows: 4, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', autocorrect: 'off',
      placeholder: 'eyJhbGciOi…  (Bearer …, a token response, a redirect URL: all fine)', 'aria-describedby': 'token-hint',
    });
    f.loading = h('p', { class: 'notice', id: 'loading', role: 'status', text: 'Loading the decoder…' });
    f.error = h('p', { class: 'notice error', id: 'options-error', role: 'alert', hidden: true });
    f.target = h('select', { id: 'target', 'aria-describedby': 'target-hint' },
      h('option', { value: '', text: 'None: what the token alone says' }),
      ...Object.keys(TARGETS).map((k) => h('option', { value: k, text: targetName(k) })));
    f.settings = {};
    for (const [kind, spec] of Object.entries(TARGETS)) {
      const fields = spec.fields.map(([id, label, type, value, hint]) => [id, textField(id, label, type, value, hint)]);
      const main = fields.filter(([id]) => !spec.optional?.includes(id)).map(([, el]) => el);
      const optional = fields.filter(([id]) => spec.optional?.includes(id)).map(([, el]) => el);
      f.settings[kind] = h('div', { class: 'settings', 'data-target': kind, hidden: true },
        h('div', { class: 'grid' }, main),
        optional.length ? h('details', { class: 'optional' }, h('summary', { text: 'Optional settings' }), h('div', { class: 'grid' }, optional)) : null);
    }
    f.prompt = h('p', { class: 'prompt', id: 'prompt', hidden: true });
    f.keys = h('textarea', { id: 'keys', class: 'mono', rows: 4, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' });
    f.encoding = h('select', { id: 'secret-encoding' },
      [['utf8', 'UTF-8 text'], ['base64', 'base64'], ['base64url', 'base64url'], ['hex', 'hex']].map(([v, t]) => h('option', { value: v, text: t })));
    f.keysBox = h('details', { id: 'keys-box' }, h('summary', { text: 'Verify the signature' }),
      h('label', { for: 'keys', text: 'Key: a JWK, a JWKS, PEM public keys or certificates, or an HMAC secret' }), f.keys);
    this.#keyBox = new KeyBox({ h, textarea: f.keys, box: f.keysBox, api: () => engine?.api, full: () => engine.full(), offline: () => config.offline === true,
      changed: () => this.#run(), findingItem: (x) => this.#findingItem(x) });
    f.keysBox.append(this.#keyBox.tools, this.#keyBox.fetch, h('label', { for: 'secret-encoding', text: 'Secret encoding' }), f.encoding);
    f.now = h('input', { id: 'now', type: 'datetime-local', step: 1 });
    f.skew = h('input', { id: 'skew', type: 'number', min: 0, value: '0' });
    f.issuer = h('input', { id: 'issuer', type: 'text', spellcheck: 'false', autocomplete: 'off', placeholder: 'us-east-1_AbC123 or https://…' });
    f.clientId = h('input', { id: 'client-id', type: 'text', spellcheck: 'false', autocomplete: 'off' });
    f.tokenUse = h('select', { id: 'token-use' }, h('option', { value: '', text: 'either' }),
      h('option', { value: 'id', text: 'ID token' }), h('option', { value: 'access', text: 'access token' }));
    f.contextBox = h('details', { id: 'context-box' }, h('summary', { text: 'Evaluation time, clock skew, expectations' }),
      h('div', { class: 'grid' },
        h('div', {}, h('label', { for: 'now', text: 'Evaluation time (UTC)' }), f.now, h('span', { class: 'hint', text: 'Empty: now.' })),
        h('div', {}, h('label', { for: 'skew', text: 'Clock skew (seconds)' }), f.skew),
        h('div', {}, h('label', { for: 'issuer', text: 'Expected issuer or Cognito pool id' }), f.issuer),
        h('div', {}, h('label', { for: 'client-id', text: 'Expected client id / audience' }), f.clientId),
        h('div', {}, h('label', { for: 'token-use', text: 'Expected token type' }), f.tokenUse)));

    // The status line repeats the decision for screen readers (announced on change); the sections below show it.
    f.status = h('p', { id: 'status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    f.note = h('p', { id: 'note', class: 'note', role: 'status', 'aria-live': 'polite' });
    f.answers = h('section', { id: 'answers', part: 'answers', 'aria-labelledby': 'answers-title', hidden: true });
    f.verdict = h('section', { id: 'verdict', part: 'verdict', 'aria-labelledby': 'verdict-title', hidden: true });
    f.findings = h('section', { id: 'findings', part: 'findings', 'aria-labelledby': 'findings-title', hidden: true });
    f.signature = h('section', { id: 'signature', part: 'signature', 'aria-labelledby': 'signature-title', hidden: true });
    f.copyReport = h('button', { type: 'button', id: 'copy-report', class: 'primary', text: 'Copy redacted report', onclick: () => this.#copyReport() });
    f.redactions = h('fieldset', { id: 'redactions', class: 'redactions' });
    f.report = h('section', { id: 'report', part: 'report', 'aria-label': 'Report', hidden: true },
      h('div', { class: 'report-tools' }, f.copyReport,
        h('span', { class: 'hint', text: 'Markdown for a ticket or an issue: no signature, no encoded token, personal claims redacted.' })),
      h('details', { id: 'report-options' }, h('summary', { text: 'What the report redacts' }),
        h('p', { class: 'hint', text: `Always: the encoded token and its signature, keys, the Authorization header, and the claims ${ALWAYS_REDACTED.join(', ')}.` }),
        f.redactions));
    f.fallback = h('div', { id: 'fallback', hidden: true });
    f.tokens = h('section', { id: 'tokens', part: 'tokens', 'aria-labelledby': 'tokens-title', hidden: true });
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
      h('section', { class: 'target', part: 'target' },
        h('label', { for: 'target', text: 'Check against a service' }),
        h('p', { class: 'hint', id: 'target-hint', text: 'Simulates what the service would decide, rule by rule.' }),
        f.target, h('datalist', { id: 'operations' }, OPERATIONS.map((o) => h('option', { value: o }))),
        Object.values(f.settings), f.prompt),
      f.keysBox, f.contextBox,
      h('section', { class: 'results', part: 'results', 'aria-label': 'Results' },
        f.status, f.empty, f.answers, f.verdict, f.report, f.note, f.fallback, f.findings, f.signature, f.tokens));
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
    f.views = { decode: decodeView, encode: this.#buildEncode() };
    const base = h('div', { class: 'lens', part: 'base' }, tabs, f.views.decode, f.views.encode);
    this.#root.append(base);
    this.#showView('decode');

    this.#root.addEventListener('input', (e) => {
      if (f.views.encode.contains(e.target)) {
        this.#sign();
        return;
      }
      if (e.target === f.target) this.#showTarget();
      if (e.target.closest?.('#redactions')) return;
      this.#run();
    });
    this.#root.addEventListener('change', (e) => {
      if (e.target.closest?.('#redactions')) this.#redact.set(e.target.value, e.target.checked);
      // Checkboxes and selects of the Encode view fire change (and input); signing twice is harmless but wasteful.
      if (f.views.encode.contains(e.target) && e.target.type === 'checkbox') this.#sign();
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // The Encode view: header and payload editors, the algorithm, the key, the token as it updates.

  #viewName = 'decode';
  #signed = null;

  #showView(name) {
    const f = this.#f;
    this.#viewName = name;
    for (const [view, panel] of Object.entries(f.views)) {
      const on = view === name;
      panel.hidden = !on;
      f.tabs[view].setAttribute('aria-selected', String(on));
      f.tabs[view].tabIndex = on ? 0 : -1;
    }
    if (name === 'encode') this.#sign();
  }

  #buildEncode() {
    const f = this.#f;
    const noSpell = { spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', autocorrect: 'off' };
    const editor = (id, label, hint, value) => {
      const area = h('textarea', { id, class: 'mono', rows: 7, ...noSpell, 'aria-describedby': `${id}-hint ${id}-error` });
      area.value = value;
      const error = h('p', { id: `${id}-error`, class: 'json-error', hidden: true });
      const box = h('div', { class: 'editor' }, h('label', { for: id, text: label }), h('p', { class: 'hint', id: `${id}-hint`, text: hint }), area, error);
      return { area, error, box };
    };
    const header = editor('encode-header', 'Header', 'JSON. Without "alg", the algorithm below (or the key\'s) is written first into it.', '{\n  "typ": "JWT"\n}');
    const payload = editor('encode-payload', 'Payload', 'JSON claims, signed exactly as typed: spacing, key order and numbers are kept.',
      '{\n  "sub": "1234567890",\n  "name": "Test User"\n}');
    f.encHeader = header.area;
    f.encHeaderError = header.error;
    f.encPayload = payload.area;
    f.encPayloadError = payload.error;
    f.encAlg = h('select', { id: 'encode-alg', 'aria-describedby': 'encode-alg-hint' },
      h('option', { value: '', text: 'From the header, else the key' }),
      SIGN_ALGORITHMS.map((a) => h('option', { value: a, text: a })),
      h('option', { value: 'none', text: 'none (unsecured: to test that verifiers refuse it)' }));
    f.encIat = h('input', { id: 'encode-iat', type: 'checkbox', checked: true });
    f.encExpires = h('input', { id: 'encode-expires', type: 'number', step: 1, value: '3600', 'aria-describedby': 'encode-expires-hint' });
    f.encKey = h('textarea', { id: 'encode-key', class: 'mono', rows: 4, ...noSpell, 'aria-describedby': 'encode-key-hint',
      placeholder: '-----BEGIN PRIVATE KEY----- …, a JWK with "d", or a secret' });
    f.encEncoding = h('select', { id: 'encode-secret-encoding' },
      [['utf8', 'UTF-8 text'], ['base64', 'base64'], ['base64url', 'base64url'], ['hex', 'hex']].map(([v, t]) => h('option', { value: v, text: t })));
    f.encGenerate = h('button', { type: 'button', id: 'generate-key', text: 'Generate a test key', onclick: () => this.#generate() });
    f.encSpinner = h('span', { class: 'spinner', 'aria-hidden': 'true', hidden: true });
    f.encBusy = h('span', { id: 'generate-status', class: 'hint', role: 'status' });
    f.encPublic = h('textarea', { id: 'encode-public', class: 'mono', rows: 4, readonly: true, ...noSpell });
    f.encPublicBox = h('details', { id: 'encode-public-box', hidden: true },
      h('summary', { text: 'The generated key\'s public key' }), h('label', { for: 'encode-public', text: 'Public key (PEM): verifies the test tokens' }), f.encPublic);
    f.encToken = h('p', { id: 'encode-token', class: 'signed-token', 'aria-label': 'The test token: header, payload and signature segments' });
    f.encCopy = h('button', { type: 'button', id: 'copy-encoded', class: 'primary', text: 'Copy the test token', disabled: true,
      onclick: () => this.#signed?.token && this.#copy(this.#signed.token, 'the test token') });
    f.encCheck = h('button', { type: 'button', id: 'encode-check', text: 'Check it in Decode', disabled: true, onclick: () => this.#checkInDecode() });
    f.encStatus = h('p', { id: 'encode-status', role: 'status', 'aria-live': 'polite', class: 'status' });
    f.encFindings = h('ol', { id: 'encode-findings', class: 'findings-list', 'aria-label': 'What signing noticed' });
    return h('div', { id: 'encode-view', role: 'tabpanel', 'aria-labelledby': 'tab-encode' },
      h('section', { class: 'encode', part: 'encode', 'aria-labelledby': 'encode-title' },
        h('h2', { id: 'encode-title', text: 'Encode a test token' }),
        h('p', { class: 'hint', text: 'Build a token to test an API, or change a claim of a decoded token and re-sign it with your test key. Everything runs in this page: nothing is sent anywhere and nothing is stored.' }),
        h('div', { class: 'editors' }, header.box, payload.box),
        h('div', { class: 'grid' },
          h('div', {}, h('label', { for: 'encode-alg', text: 'Algorithm' }), f.encAlg,
            h('span', { class: 'hint', id: 'encode-alg-hint', text: 'A header "alg" wins over this choice.' })),
          h('div', {}, h('label', { for: 'encode-expires', text: 'Expires in (seconds)' }), f.encExpires,
            h('span', { class: 'hint', id: 'encode-expires-hint', text: 'Writes exp from your clock; empty: no exp.' })),
          h('div', { class: 'check' }, h('label', { class: 'inline', for: 'encode-iat' }, f.encIat, 'Write iat (now)'))),
        h('div', { class: 'key' },
          h('label', { for: 'encode-key', text: 'Key: a private key (PEM or JWK with "d") or an HMAC secret' }),
          h('p', { class: 'hint', id: 'encode-key-hint', text: 'Use a test key, never a production one. A generated key is made here and kept only in this box.' }),
          f.encKey,
          h('div', { class: 'toolbar' }, f.encGenerate, f.encSpinner, f.encBusy),
          h('label', { for: 'encode-secret-encoding', text: 'Secret encoding' }), f.encEncoding,
          f.encPublicBox),
        h('div', { class: 'output' },
          h('h3', { text: 'A test token signed with your key' }),
          f.encToken,
          h('div', { class: 'toolbar' }, f.encCopy, f.encCheck),
          f.encStatus, f.encFindings)));
  }

  /** Signs what the editors hold, at once (small inputs: no Worker needed; RSA signing takes milliseconds). */
  #sign() {
    const f = this.#f;
    if (!this.#ready || this.#viewName !== 'encode') return;
    const options = { header: f.encHeader.value, secretEncoding: f.encEncoding.value, now: Date.now() / 1000 };
    if (f.encAlg.value) options.alg = f.encAlg.value;
    if (f.encIat.checked) options.iat = 'now';
    const expires = f.encExpires.value.trim();
    if (expires !== '' && Number.isFinite(Number(expires))) options.expiresIn = Number(expires);
    if (!engine.fullApi) {
      f.encStatus.textContent = 'Loading the signing module…';
      engine.full().then(() => this.#sign(), (e) => { f.encStatus.textContent = `Could not load the signing module: ${e.message}`; });
      return;
    }
    let v;
    try {
      v = signView(engine.fullApi.sign(f.encPayload.value, f.encKey.value, options));
    } catch (e) {
      f.encStatus.textContent = `Could not sign: ${e.message}`;
      return;
    }
    this.#signed = v;
    for (const [area, error, problem] of [[f.encHeader, f.encHeaderError, v.headerError], [f.encPayload, f.encPayloadError, v.payloadError]]) {
      error.hidden = !problem;
      error.textContent = problem ? `Line ${problem.line}, column ${problem.column}: ${problem.message}` : '';
      if (problem) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
    }
    const parts = ['header', 'payload', 'signature'];
    fill(f.encToken, v.segments ? v.segments.flatMap((seg, i) => [i ? h('span', { class: 'seg-none', text: '.' }) : null, h('span', { class: `seg-${parts[i]}`, text: seg })])
      : h('span', { class: 'meta', text: 'No token: the findings below say why.' }));
    f.encCopy.disabled = !v.token;
    f.encCheck.disabled = !v.token;
    f.encStatus.textContent = v.token
      ? `Signed with ${v.alg}${v.counts.warning ? `, ${plural(v.counts.warning, 'warning')}` : ''}.`
      : `Not signed: ${plural(v.counts.error, 'error')}.`;
    fill(f.encFindings, v.findings.map((x) => this.#findingItem(x)));
  }

  async #generate() {
    const f = this.#f;
    const alg = keyAlgorithm(f.encAlg.value, f.encHeader.value);
    const rsa = /^(RS|PS)/.test(alg);
    f.encGenerate.disabled = true;
    f.encSpinner.hidden = false;
    f.encBusy.textContent = `Generating ${rsa ? 'an RSA 2048-bit key (a few seconds)' : 'a key'} for ${alg}…`;
    try {
      const key = await engine.generateKey(alg);
      f.encKey.value = key.privatePem ?? key.secret;
      if (key.secret !== null) f.encEncoding.value = 'utf8';
      f.encPublic.value = key.publicPem ?? '';
      f.encPublicBox.hidden = key.publicPem === null;
      f.encBusy.textContent = `A new test key for ${alg}${key.kid ? ` (kid ${key.kid})` : ''} is in the key box.`;
    } catch (e) {
      f.encBusy.textContent = `No key was generated: ${e.message}`;
    } finally {
      f.encGenerate.disabled = false;
      f.encSpinner.hidden = true;
    }
    this.#sign();
  }

  /** "Edit and re-sign": a decoded token's exact header and payload text, in the editors. */
  #editAndResign(source) {
    const f = this.#f;
    f.encHeader.value = source.header;
    f.encPayload.value = source.payload;
    f.encAlg.value = '';
    // The payload as it was: the time helpers would rewrite iat and exp.
    f.encIat.checked = false;
    f.encExpires.value = '';
    this.#showView('encode');
    f.encPayload.focus();
  }

  /** The signed token in the Decode view, with the key that verifies it (the public JWK, or the secret). */
  #checkInDecode() {
    const f = this.#f;
    const v = this.#signed;
    if (!v?.token) return;
    const key = v.alg === 'none' ? '' : v.publicJwk ?? f.encKey.value;
    this.#keyBox.setText(key);
    f.encoding.value = f.encEncoding.value;
    if (key) f.keysBox.open = true;
    this.#showView('decode');
    this.token = v.token;
    f.tabs.decode.focus();
  }

  #clear() {
    this.#f.token.value = '';
    this.#keyBox.setText('');
    this.#f.fallback.hidden = true;
    this.#run();
    this.#f.token.focus();
  }

  #setTarget(target) {
    const f = this.#f;
    f.target.value = target?.kind && TARGETS[target.kind] ? target.kind : '';
    if (target && TARGETS[target.kind]) {
      for (const [id, value] of Object.entries(TARGETS[target.kind].fill(target))) f.targetFields[id].value = value;
    }
    this.#showTarget();
  }

  #showTarget() {
    for (const [kind, box] of Object.entries(this.#f.settings)) box.hidden = kind !== this.#f.target.value;
  }

  /** The target from the form, or `{ missing }` naming the settings still to fill. */
  #target() {
    const kind = this.#f.target.value;
    if (!kind) return null;
    const spec = TARGETS[kind];
    const values = Object.fromEntries(spec.fields.map(([id]) => [id, this.#f.targetFields[id].value]));
    const missing = spec.required.filter((id) => !values[id].trim());
    for (const [id] of spec.fields) {
      const field = this.#f.targetFields[id];
      if (missing.includes(id)) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
    }
    if (missing.length) {
      return { missing: missing.map((id) => spec.fields.find(([x]) => x === id)[1].toLowerCase()), kind };
    }
    return { target: spec.build(values) };
  }

  /** The `inspect` options from the form (keys included when `withKeys`). */
  #options(withKeys = true) {
    const f = this.#f;
    const opts = { ...this.#contextExtra };
    const chosen = f.now.value ? fromLocalInput(f.now.value) : null;
    opts.now = chosen ?? Date.now() / 1000;
    const skew = Number(f.skew.value);
    if (Number.isFinite(skew) && skew > 0) opts.clockSkew = skew;
    const expect = { ...(opts.expect ?? {}) };
    const issuer = f.issuer.value.trim();
    if (/^[\w-]+_[0-9a-zA-Z]+$/.test(issuer)) expect.userPoolId = issuer;
    else if (issuer) expect.issuer = issuer;
    if (f.clientId.value.trim()) expect.clientId = f.clientId.value.trim();
    if (f.tokenUse.value) expect.tokenUse = f.tokenUse.value;
    if (Object.keys(expect).length) opts.expect = expect;
    else delete opts.expect;
    const t = this.#target();
    if (t?.target) opts.target = t.target;
    const keys = this.#keyBox.keys();
    if (withKeys && (typeof keys !== 'string' || keys.trim())) {
      opts.keys = keys;
      opts.secretEncoding = f.encoding.value;
    }
    return opts;
  }

  #run() {
    if (!this.#ready) return;
    const seq = ++this.#seq;
    const input = this.#f.token.value;
    const options = this.#options();
    const t = this.#target();
    this.#renderPrompt(t);
    const limits = { limit: TOKEN_LIMIT, evaluationChosen: Boolean(this.#f.now.value) };
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
    const f = this.#f;
    if (t?.missing) {
      f.prompt.hidden = false;
      f.prompt.textContent = `To simulate ${targetName(t.kind)}, enter: ${t.missing.join(', ')}. Until then nothing is judged against it; the results below come from the token alone.`;
    } else {
      f.prompt.hidden = true;
    }
  }

  #renderEmpty() {
    const f = this.#f;
    this.#view = null;
    f.error.hidden = true;
    f.empty.hidden = false;
    for (const section of [f.answers, f.verdict, f.findings, f.signature, f.tokens]) {
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
    this.#renderAnswers(v);
    this.#renderVerdict(v);
    this.#renderFindings(v);
    this.#renderSignature(v);
    this.#renderTokens(v);
    this.#renderRedactions(v);
    this.#keyBox.update(v.tokens[0]?.compact ?? null, { expected: options.expect?.userPoolId ?? options.expect?.issuer ?? null, now: options.now });
    this.#setStatus(statusText(v));
    this.dispatchEvent(new CustomEvent('jwtlens-result', { bubbles: true, composed: true, detail: summary(v) }));
  }

  #renderAnswers(v) {
    const f = this.#f;
    // A chosen target's verdict replaces the paste-alone answers.
    const show = !v.verdict && v.answers.length > 0;
    f.answers.hidden = !show;
    if (!show) {
      fill(f.answers);
      return;
    }
    fill(f.answers,
      h('h2', { id: 'answers-title', text: 'What services would decide' }),
      h('ol', { class: 'answers' }, v.answers.map((a) =>
        h('li', { class: `answer ${a.decision}`, 'data-decision': a.decision, 'data-token': a.token },
          h('p', {}, h('span', { class: 'badge', 'data-decision': a.decision, text: DECISION_WORDS[a.decision] ?? a.decision }),
            h('strong', { class: 'service', text: a.service }), a.tokenLabel ? h('span', { class: 'meta', text: ` (${a.tokenLabel})` }) : null),
          h('p', { class: 'reason', text: a.reason }),
          a.fix ? h('p', { class: 'fix', text: a.fix }) : null,
          a.target ? h('button', { type: 'button', class: 'rules', text: 'Rule by rule', onclick: () => {
            this.#setTarget(a.target);
            this.#run();
            this.#f.target.focus();
          } }) : null))));
  }

  #renderVerdict(v) {
    const f = this.#f;
    const d = v.verdict;
    f.verdict.hidden = !d;
    if (!d) {
      fill(f.verdict);
      return;
    }
    fill(f.verdict,
      h('h2', { id: 'verdict-title', text: `${targetName(d.target)}: the verdict${d.tokenLabel ? ` for ${d.tokenLabel}` : ''}` }),
      h('p', { class: `decision-line ${d.decision}` },
        h('span', { class: 'badge', 'data-decision': d.decision, text: DECISION_WORDS[d.decision] ?? d.decision }),
        h('span', { class: 'summary', text: d.summary })),
      h('ol', { class: 'rules', 'aria-label': 'Rules, in the order the service applies them' }, d.rules.map((r) =>
        h('li', { class: `rule ${r.outcome}`, 'data-rule': r.id, 'data-outcome': r.outcome },
          h('p', {}, h('span', { class: 'badge', text: r.outcome }), h('strong', { text: r.description })),
          h('p', { class: 'detail', text: r.detail }),
          r.settle ? h('p', { class: 'settle', text: r.settle }) : null,
          r.fix && r.outcome !== 'pass' ? h('p', { class: 'fix', text: r.fix }) : null,
          r.code ? h('p', { class: 'meta' }, 'Finding ', h('code', { text: r.code })) : null))),
      d.assumptions.length ? h('div', {}, h('h3', { text: 'Assumed, because no client-side tool can see it' }),
        h('ul', { class: 'assumptions' }, d.assumptions.map((a) => h('li', { text: a })))) : null);
  }

  #findingItem(x) {
    return h('li', { class: `finding ${x.severity}`, 'data-code': x.code, 'data-severity': x.severity, 'data-finding': x.id },
      h('p', {}, h('span', { class: 'badge', text: x.severity }), h('code', { text: x.code }),
        x.tokenLabel ? h('span', { class: 'meta', text: ` · ${x.tokenLabel}` }) : null,
        x.member ? h('span', { class: 'meta', text: ` · ${x.member}` }) : null),
      h('p', { class: 'message', text: x.message }),
      x.excerpt ? h('p', { class: 'excerpt', 'aria-label': `At characters ${x.start + 1} to ${x.end} of the input` },
        x.excerpt.before, h('mark', { text: x.excerpt.mark }), x.excerpt.after) : null,
      x.fix ? h('p', { class: 'fix', text: x.fix }) : null);
  }

  #renderFindings(v) {
    const f = this.#f;
    const total = v.findingCounts.error + v.findingCounts.warning + v.findingCounts.info;
    f.findings.hidden = false;
    const groups = ['error', 'warning', 'info'].filter((sev) => v.findingCounts[sev] > 0).map((sev) => {
      const items = v.findings.filter((x) => x.severity === sev);
      const list = h('ol', { class: 'findings-list', 'data-severity': sev }, items.map((x) => this.#findingItem(x)));
      const rest = v.findingCounts[sev] - items.length;
      const more = rest > 0 ? h('button', { type: 'button', class: 'show-all', text: `Show all ${plural(v.findingCounts[sev], sev === 'info' ? 'note' : sev)}` }) : null;
      more?.addEventListener('click', async () => {
        more.disabled = true;
        const all = await engine.ask('findings', { severity: sev });
        list.replaceChildren();
        await inSlices(all, 50, (x) => list.append(this.#findingItem(x)));
        more.remove();
      });
      return h('div', { class: 'group' }, h('h3', { class: 'group-title', text: `${SEVERITY_TITLES[sev]} (${v.findingCounts[sev].toLocaleString('en')})` }), list, more);
    });
    fill(f.findings, h('h2', { id: 'findings-title', text: total ? 'Findings' : 'Findings: none' }),
      total ? null : h('p', { text: 'Nothing wrong was found in the token itself. Signatures are checked only with a key (Verify the signature).' }),
      groups);
  }

  #renderSignature(v) {
    const f = this.#f;
    f.signature.hidden = !v.verifications;
    if (!v.verifications) {
      fill(f.signature);
      return;
    }
    fill(f.signature, h('h2', { id: 'signature-title', text: 'Signature' }),
      v.verifications.length === 0 ? h('p', { text: 'No signed token to verify.' }) : null,
      v.verifications.map((ver) => h('div', { class: 'verification' },
        h('p', { class: `decision-line ${ver.valid ? 'valid' : 'invalid'}` },
          h('span', { class: 'badge', text: ver.valid ? 'Valid' : 'Not verified' }),
          ver.valid ? `${ver.algorithm}, key ${ver.matchedKey.index + 1}${ver.matchedKey.kid ? `, kid ${ver.matchedKey.kid}` : ''}` : (ver.algorithm ?? ''),
          v.tokenCount > 1 ? h('span', { class: 'meta', text: ` (${ver.tokenLabel})` }) : null),
        h('ol', { class: 'attempts', 'aria-label': 'Keys tried' }, ver.attempts.map((a) =>
          h('li', { class: `attempt ${a.outcome === 'matched' ? 'matched' : 'fail'}` },
            h('p', {}, h('strong', { text: `Key ${a.key + 1}` }), a.kid ? h('span', { class: 'meta', text: ` kid ${a.kid}` }) : null,
              a.describe ? h('span', { class: 'meta', text: ` · ${a.describe}` }) : null),
            h('p', { text: a.reason }),
            a.thumbprint ? h('p', { class: 'meta mono', text: `thumbprint ${a.thumbprint}` }) : null))),
        h('ol', { class: 'findings-list' }, ver.findings.map((x) => this.#findingItem(x))))));
  }

  #renderTokens(v) {
    const f = this.#f;
    f.tokens.hidden = v.tokenCount === 0;
    const grid = h('div', { class: 'tokens' }, v.tokens.map((t) => this.#tokenCard(t, v)));
    let more = null;
    if (v.more) {
      const kinds = Object.entries(v.more.kinds).map(([k, n]) => `${n.toLocaleString('en')} ${k.toUpperCase()}`).join(', ');
      const button = h('button', { type: 'button', class: 'show-all', text: `Show all ${plural(v.tokenCount, 'token')}` });
      more = h('div', { class: 'more' },
        h('p', { text: `${plural(v.more.count, 'more token')} not shown: ${kinds}; ${plural(v.more.withErrors, 'has errors', 'have errors').replace(/^(\S+) /, '$1 of them ')}.` }),
        button);
      button.addEventListener('click', async () => {
        button.disabled = true;
        button.textContent = 'Showing all…';
        for (let from = v.tokens.length; from < v.tokenCount; from += TOKEN_LIMIT) {
          const batch = await engine.ask('tokens', { from, to: from + TOKEN_LIMIT });
          if (this.#view !== v) return;
          grid.append(...batch.map((t) => this.#tokenCard(t, v)));
          await yieldToBrowser();
        }
        more.remove();
      });
    }
    fill(f.tokens, h('h2', { id: 'tokens-title', text: v.tokenCount === 1 ? 'The token' : `The tokens (${v.tokenCount.toLocaleString('en')})` }), grid, more);
  }

  #tokenCard(t, v, inner = false) {
    const id = `t${++this.#uid}`;
    const what = [t.kind.toUpperCase(), t.tokenUse && t.tokenUse !== 'unknown' ? `${t.tokenUse === 'id' ? 'ID' : t.tokenUse} token` : null,
      t.provider && t.provider.id !== 'unknown' ? t.provider.name : null].filter(Boolean).join(' · ');
    const copy = (label, text) => h('button', { type: 'button', text: label, onclick: () => this.#copy(text, label.replace(/^Copy /, 'the ')) });
    const header = h('header', {},
      h(inner ? 'h4' : 'h3', { id: `${id}-title` }, v.tokenCount > 1 || inner ? `${t.label}: ` : '', what),
      h('div', { class: 'actions' },
        inner ? null : copy('Copy token', t.compact),
        t.header ? copy('Copy header', t.header.text) : null,
        t.payload ? copy('Copy payload', t.payload.text) : null,
        t.source ? h('button', { type: 'button', class: 'resign', text: 'Edit and re-sign', onclick: () => this.#editAndResign(t.source) }) : null));
    const pair = h('div', { class: `json-pair${t.header && t.payload ? ' two' : ''}` },
      t.header ? jsonFigure('Header', 'header', t.header) : null,
      t.payload ? jsonFigure(t.kind === 'jwe' ? 'Payload' : 'Payload', 'payload', t.payload) : null);
    return h(inner ? 'div' : 'article', { class: `token${inner ? ' inner' : ''}`, 'data-token': t.index, 'aria-labelledby': `${id}-title` },
      header,
      t.provider && !inner ? h('p', { class: 'meta', text: `${t.provider.evidence} ${t.tokenUseReason ?? ''}`.trim() }) : null,
      t.written ? h('div', {}, h('h4', { text: 'As written' }), writtenBlock(t.written)) : null,
      pair,
      t.kind === 'jwe' ? h('p', { class: 'meta', text: 'Encrypted (JWE): only the header can be read without the recipient\'s key.' }) : null,
      t.signature ? h('p', { class: 'meta signature' },
        `Signature: ${plural(t.signature.bytes, 'byte')}, not checked here`,
        v.verifications ? ' (see Signature above).' : ' — paste a key under "Verify the signature" to check it.') : null,
      t.claims.length ? h('div', {}, h('h4', { text: 'Claims' }), this.#claims(t, id)) : null,
      t.timeline ? timelineFigure(t.timeline, id) : null,
      t.inner ? this.#tokenCard(t.inner, v, true) : null);
  }

  #claims(t, id) {
    return h('dl', { class: 'claims' }, t.claims.flatMap((c, n) => {
      const tip = `${id}-tip-${n}`;
      const meaning = `${c.part === 'header' ? 'Header parameter. ' : ''}${c.meaning ?? 'No description.'}${c.definedBy ? ` (${c.definedBy})` : ''}${c.duplicate ? ' Appears more than once: parsers disagree on which one counts.' : ''}`;
      return [
        h('dt', {}, h('span', { class: `claim-name${c.duplicate ? ' dup' : ''}`, tabindex: 0, 'aria-describedby': tip, text: c.name }),
          h('span', { class: 'tip', role: 'tooltip', id: tip, text: meaning })),
        h('dd', {}, h('span', { class: 'value', text: c.value }),
          c.time ? h('span', { class: 'time', text: `${c.time.iso.replace('T', ' ').replace('Z', ' UTC')}` }) : null,
          c.time?.local ? h('span', { class: 'time', text: `${c.time.local} (your time zone)` }) : null,
          c.time?.relative ? h('span', { class: 'time', text: c.time.relative }) : null),
      ];
    }));
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

function statusText(v) {
  if (v.verdict) return `${DECISION_WORDS[v.verdict.decision] ?? v.verdict.decision}: ${v.verdict.summary}`;
  const c = v.findingCounts;
  const parts = [plural(v.tokenCount, 'token')];
  if (v.answers.length) {
    const deny = v.answers.filter((a) => a.decision === 'deny').length;
    parts.push(`${plural(v.answers.length, 'service')} judged${deny ? `, ${deny} would refuse it` : ''}`);
  }
  parts.push(c.error ? plural(c.error, 'error') : 'no errors');
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  return `${parts.join(', ')}.`;
}

function loadFailure(error) {
  const reason = String(error?.message ?? error);
  let hint = 'Check that jwtlens-decoder_bg.wasm and jwtlens_bg.wasm are served next to the scripts, as application/wasm.';
  if (typeof WebAssembly !== 'object') hint = 'This browser has WebAssembly turned off (some hardened configurations do); jwtlens needs it.';
  else if (location.protocol === 'file:') hint = 'Browsers do not load WebAssembly for a page opened from a file: open the single-file build (jwtlens.html) instead, or serve this folder over HTTP (npm start).';
  else if (/Content Security Policy|CSP|wasm-unsafe-eval/i.test(reason)) hint = 'The Content-Security-Policy must allow \'wasm-unsafe-eval\' in script-src.';
  return `The decoder (WebAssembly) could not be loaded: ${reason}. ${hint}`;
}

function jsonFigure(title, part, j) {
  const pre = h('pre', { class: `json ${part}`, tabindex: 0, 'aria-label': `${title} JSON` });
  if (j.pieces) {
    // Marks from line/column findings (a duplicate member) land on the piece that starts at that source offset.
    const marked = new Map(j.marks.map((m) => [m.at, m]));
    j.pieces.forEach(([cls, text], i) => {
      if (cls === 'space') pre.append(text);
      else {
        const m = marked.get(j.map[i]);
        pre.append(h('span', { class: m ? `${cls} err` : cls, 'data-finding': m?.finding, title: m ? m.code : null, text }));
      }
    });
  } else if (j.marks.length) {
    // Not JSON: shown verbatim, the error position marked.
    const at = Math.min(...j.marks.map((m) => m.at));
    pre.append(j.text.slice(0, at), h('mark', { text: j.text.slice(at, at + 1) || ' ', 'data-finding': j.marks[0].finding }), j.text.slice(at + 1));
  } else {
    pre.textContent = j.text;
  }
  return h('figure', {}, h('figcaption', { text: j.raw ? `${title} (not JSON, shown as decoded)` : title }), pre);
}

function writtenBlock(w) {
  const p = h('p', { class: 'written', 'aria-label': 'The token as written: header, payload and signature segments' });
  for (const piece of w.pieces) {
    const cls = `seg-${piece.part ?? 'none'}`;
    if (piece.marks.length) p.append(h('mark', { class: cls, 'data-finding': piece.marks.join(' '), text: piece.text }));
    else p.append(h('span', { class: cls, text: piece.text }));
  }
  return p;
}

const TIME_WORDS = { auth_time: 'signed in (auth_time)', iat: 'issued (iat)', nbf: 'valid from (nbf)', exp: 'expires (exp)' };

function timelineFigure(tl, id) {
  const marks = tl.points.map((p) => ({ key: p.name, label: p.name, t: p.seconds, cls: 'claim' }));
  marks.push({ key: 'clock', label: 'now', t: tl.clock, cls: 'clock' });
  if (tl.evaluation !== null && Math.abs(tl.evaluation - tl.clock) > 1) marks.push({ key: 'evaluation', label: 'evaluation', t: tl.evaluation, cls: 'evaluation' });
  const ts = marks.map((m) => m.t);
  let lo = Math.min(...ts);
  let hi = Math.max(...ts);
  if (hi - lo < 60) {
    lo -= 30;
    hi += 30;
  }
  const x = (t) => 3 + (94 * (t - lo)) / (hi - lo);
  const at = (name) => tl.points.find((p) => p.name === name)?.seconds;
  const start = at('nbf') ?? at('iat');
  const end = at('exp');
  // Marks at the same second share one label ("iat, auth_time").
  const merged = [];
  for (const m of marks.sort((a, b) => a.t - b.t)) {
    const same = merged.find((g) => Math.abs(g.t - m.t) < 1 && g.cls === m.cls);
    if (same) {
      same.label += `, ${m.label}`;
      same.keys.push(m.key);
    } else {
      merged.push({ ...m, keys: [m.key] });
    }
  }
  // Two label rows (above and below the bar); a label goes to the row whose last label is farther away.
  const lastX = [-100, -100];
  const children = [s('rect', { class: 'bar', x: '1%', y: 30, width: '98%', height: 10, rx: 3 })];
  if (end !== undefined) {
    const from = start !== undefined ? x(start) : 1;
    children.push(s('rect', { class: 'window', x: `${from}%`, y: 31, width: `${Math.max(0.5, x(end) - from)}%`, height: 8 }));
  }
  for (const m of merged) {
    const px = x(m.t);
    const row = px - lastX[0] >= px - lastX[1] ? 0 : 1;
    lastX[row] = px + m.label.length * 0.9;
    const anchor = px < 12 ? 'start' : px > 88 ? 'end' : 'middle';
    children.push(s('line', { class: `tick ${m.cls}`, x1: `${px}%`, x2: `${px}%`, y1: 24, y2: 46 }));
    children.push(s('text', { class: m.cls, x: `${px}%`, y: row === 0 ? 16 : 62, 'text-anchor': anchor, text: m.label }));
  }
  const ref = tl.evaluation ?? tl.clock;
  const state = end === undefined ? 'It has no expiry.'
    : ref >= end ? 'It had expired at the evaluation time.'
      : start !== undefined && ref < start ? 'It was not yet valid at the evaluation time.'
        : 'It was within its validity at the evaluation time.';
  const word = (key) => TIME_WORDS[key] ?? (key === 'clock' ? 'now' : 'the evaluation time');
  const order = merged.map((m) => m.keys.map(word).join(' and ')).join(', then ');
  const caption = `Timeline: ${order}. ${state}`;
  return h('figure', { class: 'timeline' }, h('h4', { text: 'Timeline' }),
    s('svg', { role: 'img', 'aria-labelledby': `${id}-tl` }, children),
    h('figcaption', { id: `${id}-tl`, text: caption }));
}

/** Runs `fn` over `items` in slices, yielding to the browser between them, so long lists never freeze the page. */
async function inSlices(items, size, fn) {
  for (let i = 0; i < items.length; i += size) {
    items.slice(i, i + size).forEach(fn);
    await yieldToBrowser();
  }
}

function yieldToBrowser() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

if (typeof customElements !== 'undefined' && !customElements.get('jwt-lens')) customElements.define('jwt-lens', JwtLens);
