// The key box of <jwt-lens> ("Verify the signature"), beyond its textarea: key files and the issuer's keys.
//
// - Key files, chosen ("Choose a key file") or dropped on the key textarea, are read as bytes in the page and never
//   uploaded. A text file (PEM, JWK, JWKS: valid UTF-8, printable) fills the textarea; a binary one (DER SPKI,
//   PKCS#1 or certificate) is kept as bytes and handed to `inspect` as `keys: Uint8Array`, the textarea showing a
//   read-only note until the file is removed.
// - "Fetch keys from the issuer": the one request the element can make, and only on a click. Before it, the box
//   states the exact URL `planIssuerKeys` chose (the same source and options are then given to `fetchIssuerKeys`, so
//   the URL stated is the URL requested) and what is sent. The request runs on the main thread: the document's
//   Content-Security-Policy (connect-src) governs it, wherever the element is embedded; a blocked request comes back
//   as the FETCH_NETWORK finding. Where every connection is forbidden (`configure({ offline: true })`, the
//   single-file page) the button is replaced by a sentence naming the URL to open instead; `no-fetch` hides it all.
//
// element.js creates one controller per element and calls it; everything from a token or an answer is written as
// text (the `h` helper given sets textContent and attributes only).

/** Largest key file read: keys and certificates are a few kilobytes, a JWKS rarely more than ten. */
export const KEY_FILE_LIMIT = 1024 * 1024;
/** What the file chooser offers. */
export const KEY_FILE_TYPES = '.pem,.der,.cer,.crt,.jwk,.json,.key,.pub';

// Tab, line feed, carriage return and everything from space up, bar DEL and the C1 controls.
const PRINTABLE = /^[\t\n\r\x20-\x7e\u00a0-\u{10ffff}]*$/u;

/**
 * What a key file's bytes are: `{ text }` for valid, printable UTF-8 (PEM, JWK, JWKS; a byte-order mark is dropped),
 * else `{ bytes, der }` (`der`: it starts as a DER SEQUENCE does).
 * @param {Uint8Array} bytes
 */
export function readKeyFile(bytes) {
  let text = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: binary.
  }
  if (text !== null && PRINTABLE.test(text)) return { text };
  return { bytes, der: bytes[0] === 0x30 };
}

const count = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const size = (n) => count(n, 'byte');

/**
 * The key box's file and fetch controls. `deps`: `h` (the element's DOM helper), `textarea` (#keys), `box` (the
 * <details> around it), `api()` (the main-thread API, once loaded: the decoder module plans), `full()` (a promise of
 * the full module's API, which fetches), `offline()` (no connection allowed), `changed()`
 * (the keys changed: inspect again) and `findingItem(view)` (renders a finding as the element does).
 */
export class KeyBox {
  #d;
  /** The controls. */
  #f;
  /** A binary key file held as bytes: { bytes, name, der }, or null when the textarea's text is the key. */
  #file = null;
  #noFetch = false;
  /** The plan shown: { source, options, plan }, or null. */
  #current = null;
  /** The URL the shown result was fetched for. */
  #resultFor = null;
  #busy = false;

  constructor(deps) {
    this.#d = deps;
    const { h, textarea } = deps;
    const f = {};
    this.#f = f;
    // The file input itself stays hidden: the visible button opens it (a styled, labelled control for every browser).
    f.input = h('input', { type: 'file', id: 'key-file', accept: KEY_FILE_TYPES, hidden: true });
    f.choose = h('button', { type: 'button', id: 'choose-key-file', 'aria-describedby': 'key-file-hint', text: 'Choose a key file' });
    f.remove = h('button', { type: 'button', id: 'remove-key-file', hidden: true, text: 'Remove the key file' });
    f.fileStatus = h('p', { id: 'key-file-status', class: 'hint', role: 'status', 'aria-live': 'polite' });
    /** Goes under the textarea. */
    this.tools = h('div', { class: 'key-file' },
      h('div', { class: 'toolbar' }, f.choose, f.remove, f.input,
        h('span', { class: 'hint', id: 'key-file-hint', text: 'or drop one on the box (.pem, .der, .cer, .crt, .jwk, .json): read in this page, never uploaded.' })),
      f.fileStatus);

    f.button = h('button', { type: 'button', id: 'fetch-keys-button', 'aria-describedby': 'fetch-keys-plan', text: 'Fetch keys from the issuer' });
    f.spinner = h('span', { class: 'fetch-spinner', 'aria-hidden': 'true', hidden: true });
    f.plan = h('p', { id: 'fetch-keys-plan', class: 'hint' });
    f.unverified = h('div', { id: 'fetch-keys-unverified', class: 'notice warning', hidden: true });
    f.status = h('p', { id: 'fetch-keys-status', role: 'status', 'aria-live': 'polite' });
    f.details = h('div', { id: 'fetch-keys-details' });
    f.fetch = h('div', { id: 'fetch-keys', class: 'fetch-keys', hidden: true },
      h('div', { class: 'toolbar' }, f.button, f.spinner), f.plan, f.unverified, f.status, f.details);
    f.offline = h('p', { id: 'fetch-keys-offline', class: 'hint', hidden: true });
    /** Goes under the key tools. */
    this.fetch = h('div', {}, f.fetch, f.offline);

    f.choose.addEventListener('click', () => f.input.click());
    f.input.addEventListener('change', () => {
      const file = f.input.files?.[0];
      f.input.value = '';
      if (file) this.#load(file);
    });
    f.remove.addEventListener('click', () => {
      this.setText('');
      f.fileStatus.textContent = 'The key file was removed.';
      textarea.focus();
      deps.changed();
    });
    // Files dropped on the textarea are read; dropped text keeps the browser's own behaviour.
    const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    textarea.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      textarea.classList.add('drop');
    });
    textarea.addEventListener('dragleave', () => textarea.classList.remove('drop'));
    textarea.addEventListener('drop', (e) => {
      textarea.classList.remove('drop');
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer.files[0];
      if (file) this.#load(file);
    });
    f.button.addEventListener('click', () => this.#fetch());
  }

  // -------------------------------------------------------------------------------------------------------------
  // Key files.

  /** The keys to verify with: the textarea's text, or the bytes of a binary key file. */
  keys() {
    return this.#file ? this.#file.bytes : this.#d.textarea.value;
  }

  /** The `keys` property: text, or bytes (a Uint8Array or ArrayBuffer: a DER key or certificate). */
  set(value) {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      this.#hold(bytes.slice(), null);
    } else {
      this.setText(String(value ?? ''));
    }
  }

  /** Puts text in the textarea, dropping a binary key file held. */
  setText(text) {
    const { textarea } = this.#d;
    this.#file = null;
    textarea.readOnly = false;
    textarea.classList.remove('file-note');
    textarea.value = text;
    this.#f.remove.hidden = true;
    this.#f.fileStatus.textContent = '';
  }

  async #load(file) {
    const f = this.#f;
    if (file.size > KEY_FILE_LIMIT) {
      f.fileStatus.textContent = `${file.name} was not read: it is ${size(file.size)}, and a key file may be at most ${size(KEY_FILE_LIMIT)} (1 MiB; keys and certificates are a few kilobytes).`;
      return;
    }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      f.fileStatus.textContent = `${file.name} could not be read: ${e?.message ?? e}.`;
      return;
    }
    const read = readKeyFile(bytes);
    if (read.text !== undefined) {
      this.setText(read.text);
      f.fileStatus.textContent = read.text.trim()
        ? `Read ${file.name} (${size(bytes.length)}) into the box. It stays in this page.`
        : `${file.name} is empty.`;
    } else {
      this.#hold(bytes, file.name);
      f.fileStatus.textContent = `Verifying with ${file.name} (${size(bytes.length)}, ${read.der ? 'binary DER' : 'binary'}). It stays in this page.`;
    }
    this.#d.box.open = true;
    this.#d.changed();
  }

  #hold(bytes, name) {
    const { textarea } = this.#d;
    const der = bytes[0] === 0x30;
    this.#file = { bytes, name, der };
    textarea.readOnly = true;
    textarea.classList.add('file-note');
    textarea.value = `${name ? `Key file ${name}` : 'Binary key'} (${size(bytes.length)}, ${der ? 'binary DER' : 'binary, not DER: read as an HMAC secret'}): `
      + 'read in this page, not uploaded. Remove the key file to paste a key instead.';
    this.#f.remove.hidden = false;
  }

  // -------------------------------------------------------------------------------------------------------------
  // The issuer's keys.

  /** Hides the fetch feature entirely (the `no-fetch` attribute). */
  set noFetch(on) {
    this.#noFetch = Boolean(on);
    this.#render();
  }

  get noFetch() {
    return this.#noFetch;
  }

  /**
   * The first token of the paste changed (or the expected issuer): plans what a click would fetch. `source` is that
   * token's text (null: none), `expected` the expected issuer or user pool id of the context, `now` its evaluation
   * time (certificates in the key set are judged at it).
   */
  update(source, { expected = null, now } = {}) {
    const api = this.#d.api();
    let next = null;
    if (source && api) {
      const options = {};
      if (expected) options.issuer = expected;
      if (typeof now === 'number') options.now = now;
      try {
        // The options given to fetchIssuerKeys on the click: the URL stated here is the one it requests first.
        const plan = api.planIssuerKeys(source, options);
        if (plan.url && plan.issuer) next = { source, options, plan };
      } catch {
        // Bad options cannot come from here; without a plan there is simply no button.
      }
    }
    this.#current = next;
    if (!this.#busy && this.#resultFor !== null && this.#resultFor !== next?.plan.url) {
      this.#resultFor = null;
      this.#f.status.textContent = '';
      this.#f.details.replaceChildren();
    }
    this.#render();
  }

  #render() {
    const f = this.#f;
    const { h } = this.#d;
    const plan = this.#noFetch ? null : this.#current?.plan ?? null;
    const offline = this.#d.offline();
    f.fetch.hidden = !plan || offline;
    f.offline.hidden = !plan || !offline;
    if (!plan) return;
    const url = h('code', { id: 'fetch-keys-url', text: plan.url });
    if (offline) {
      f.offline.replaceChildren('This copy of jwtlens makes no network requests at all. To verify with the issuer\'s keys, open ', url,
        plan.discovery ? ' in your browser, then the jwks_uri it names, and paste that key set here.' : ' in your browser and paste the key set it shows here.');
      return;
    }
    f.plan.replaceChildren('Requests GET ', url, plan.discovery ? ', then the jwks_uri it names' : '',
      '. Sends nothing of the token but the issuer in this URL: no cookies, no referrer.');
    const warning = plan.findings.find((x) => x.code === 'FETCH_ISSUER_UNVERIFIED');
    f.unverified.hidden = !warning;
    f.unverified.replaceChildren(...(warning ? [h('p', { text: warning.message }), warning.fix ? h('p', { class: 'fix', text: warning.fix }) : ''] : []));
  }

  async #fetch() {
    const current = this.#current;
    const api = this.#d.api();
    if (this.#busy || !current || !api || this.#noFetch || this.#d.offline()) return;
    const f = this.#f;
    const { h } = this.#d;
    this.#busy = true;
    f.button.disabled = true;
    f.button.textContent = 'Fetching keys…';
    f.spinner.hidden = false;
    f.fetch.setAttribute('aria-busy', 'true');
    f.status.textContent = `Requesting ${current.plan.url}…`;
    f.details.replaceChildren();
    let result;
    try {
      // Planning needs only the decoder module; fetching is in the full one (loaded here if it is not yet).
      result = await (await this.#d.full()).fetchIssuerKeys(current.source, current.options);
    } catch (e) {
      // Only misuse throws (a failed request is a finding); shown the same way.
      result = { requests: [], findings: [{ code: e?.code ?? 'ERR_INTERNAL', severity: 'error', message: String(e?.message ?? e) }] };
    } finally {
      this.#busy = false;
      f.button.disabled = false;
      f.button.textContent = 'Fetch keys from the issuer';
      f.spinner.hidden = true;
      f.fetch.removeAttribute('aria-busy');
    }
    this.#resultFor = current.plan.url;
    // The unverified issuer is already said above the button.
    const findings = result.findings.filter((x) => x.code !== 'FETCH_ISSUER_UNVERIFIED').map((x, i) => ({ id: `fetch-${i}`, code: x.code, severity: x.severity, message: x.message,
      fix: x.fix ?? null, tokenLabel: null, member: null, excerpt: null }));
    const last = result.requests.at(-1)?.url ?? current.plan.url;
    if (result.jwks) {
      const keys = result.keys?.keys ?? [];
      const usable = keys.filter((k) => k.usable).length;
      f.status.textContent = `Fetched ${count(keys.length, 'key')} (${usable} usable) from ${last}: now in the key box, and the signature is checked with them.`;
    } else {
      const error = findings.find((x) => x.severity === 'error');
      f.status.textContent = `No keys were fetched${error ? `: ${error.message}` : '.'}`;
    }
    f.details.replaceChildren(
      result.requests.length ? h('h4', { text: 'Requests made' }) : '',
      result.requests.length ? h('ol', { class: 'requests' }, result.requests.map((r) => h('li', {},
        h('code', { text: `GET ${r.url}` }), ` — ${r.status === undefined ? 'no answer' : `HTTP ${r.status}`}`))) : '',
      findings.length ? h('ol', { class: 'findings-list', 'aria-label': 'What the fetch found' }, findings.map((x) => this.#d.findingItem(x))) : '');
    if (result.jwks) {
      this.setText(result.jwks);
      this.#d.box.open = true;
      this.#d.changed();
    }
  }
}
