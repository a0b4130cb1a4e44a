// The Encode view of <jwt-lens>: header and payload editors with live JSON validation, the algorithm (the core's
// tables), the key box with "Generate a test key" (RSA in the Worker), the test token as it updates, copy, and "Check
// it in Decode". The element gives the callbacks: `engine()` (the shared engine), `active()` (the view is shown and
// the decoder ready), `show(view)`, `copy(text, what)`, `findingItem(view)`, `checkInDecode({ token, key, encoding })`.
import { clockSeconds } from '../clock.js';
import { fill, h, plural } from './dom.js';
import { encodingOptions } from './form.js';
import { Wrapper } from './encode-wrap.js';
import { SIGN_ALGORITHMS, keyAlgorithm, signView } from './sign-view.js';

/** The output's heading, by what the Output box makes. */
const OUTPUT_TITLES = {
  jws: 'A test token signed with your key',
  jwe: 'The signed test token, encrypted for the recipient (JWE)',
  sdJwt: 'An SD-JWT signed with your key',
  dpop: 'A DPoP proof signed with your key',
};

export class Encoder {
  #signed = null;

  constructor(on) {
    this.on = on;
    this.f = {};
    /** What is made of the signed token: itself, a JWE of it, an SD-JWT or a DPoP proof. */
    this.wrap = new Wrapper();
  }

  /** The Encode view's panel. */
  build() {
    const f = this.f;
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
    f.encEncoding = h('select', { id: 'encode-secret-encoding' }, encodingOptions());
    f.encGenerate = h('button', { type: 'button', id: 'generate-key', text: 'Generate a test key', onclick: () => this.generate() });
    f.encSpinner = h('span', { class: 'spinner', 'aria-hidden': 'true', hidden: true });
    f.encBusy = h('span', { id: 'generate-status', class: 'hint', role: 'status' });
    f.encPublic = h('textarea', { id: 'encode-public', class: 'mono', rows: 4, readonly: true, ...noSpell });
    f.encPublicBox = h('details', { id: 'encode-public-box', hidden: true },
      h('summary', { text: 'The generated key\'s public key' }), h('label', { for: 'encode-public', text: 'Public key (PEM): verifies the test tokens' }), f.encPublic);
    f.encToken = h('p', { id: 'encode-token', class: 'signed-token', 'aria-label': 'The test token: header, payload and signature segments' });
    f.encCopy = h('button', { type: 'button', id: 'copy-encoded', class: 'primary', text: 'Copy the test token', disabled: true,
      onclick: () => this.#signed?.token && this.on.copy(this.#signed.token, 'the test token') });
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
        this.wrap.section,
        h('div', { class: 'output' },
          f.encTitle = h('h3', { id: 'encode-output-title', text: OUTPUT_TITLES.jws }),
          f.encToken,
          h('div', { class: 'toolbar' }, f.encCopy, f.encCheck),
          f.encStatus, f.encFindings)));
  }

  /** Signs what the editors hold, at once (small inputs: no Worker needed; RSA signing takes milliseconds). */
  sign() {
    const f = this.f;
    if (!this.on.active()) return;
    const engine = this.on.engine();
    const options = { header: f.encHeader.value, secretEncoding: f.encEncoding.value, now: clockSeconds() };
    if (f.encAlg.value) options.alg = f.encAlg.value;
    if (f.encIat.checked) options.iat = 'now';
    const expires = f.encExpires.value.trim();
    if (expires !== '' && Number.isFinite(Number(expires))) options.expiresIn = Number(expires);
    if (!engine.fullApi) {
      f.encStatus.textContent = 'Loading the signing module…';
      engine.full().then(() => this.sign(), (e) => { f.encStatus.textContent = `Could not load the signing module: ${e.message}`; });
      return;
    }
    this.wrap.show();
    f.encTitle.textContent = OUTPUT_TITLES[this.wrap.mode] ?? OUTPUT_TITLES.jws;
    let v;
    let made = null;
    try {
      const signing = engine.fullApi.sign(f.encPayload.value, f.encKey.value, options);
      v = signView(signing);
      made = this.wrap.make(engine.fullApi, signing,
        { payload: f.encPayload.value, key: f.encKey.value, secretEncoding: f.encEncoding.value, now: options.now });
    } catch (e) {
      f.encStatus.textContent = `Could not sign: ${e.message}`;
      return;
    }
    if (made) {
      // A JWE, an SD-JWT or a DPoP proof: shown whole (its parts are not a header, payload and signature).
      const extra = signView({ token: null, alg: null, header: null, payload: null, findings: made.findings }).findings;
      v = { ...v, token: made.token, segments: null, whole: made.token, what: made.what, findings: [...v.findings, ...extra] };
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
      : v.whole ? h('span', { class: 'seg-none', text: v.whole })
        : h('span', { class: 'meta', text: made?.what ?? 'No token: the findings below say why.' }));
    f.encCopy.disabled = !v.token;
    f.encCheck.disabled = !v.token;
    f.encStatus.textContent = made ? made.what : v.token
      ? `Signed with ${v.alg}${v.counts.warning ? `, ${plural(v.counts.warning, 'warning')}` : ''}.`
      : `Not signed: ${plural(v.counts.error, 'error')}.`;
    fill(f.encFindings, v.findings.map((x) => this.on.findingItem(x)));
  }

  async generate() {
    const f = this.f;
    const alg = keyAlgorithm(f.encAlg.value, f.encHeader.value);
    const rsa = /^(RS|PS)/.test(alg);
    f.encGenerate.disabled = true;
    f.encSpinner.hidden = false;
    f.encBusy.textContent = `Generating ${rsa ? 'an RSA 2048-bit key (a few seconds)' : 'a key'} for ${alg}…`;
    try {
      const key = await this.on.engine().generateKey(alg);
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
    this.sign();
  }

  /** "Edit and re-sign": a decoded token's exact header and payload text, in the editors. */
  editAndResign(source) {
    const f = this.f;
    f.encHeader.value = source.header;
    f.encPayload.value = source.payload;
    f.encAlg.value = '';
    // The payload as it was: the time helpers would rewrite iat and exp.
    f.encIat.checked = false;
    f.encExpires.value = '';
    this.on.show('encode');
    f.encPayload.focus();
  }

  /** The signed token in the Decode view, with the key that verifies it (the public JWK, or the secret). */
  #checkInDecode() {
    const f = this.f;
    const v = this.#signed;
    if (!v?.token) return;
    const key = v.alg === 'none' ? '' : v.publicJwk ?? f.encKey.value;
    this.on.checkInDecode({ token: v.token, key, encoding: f.encEncoding.value });
  }
}
