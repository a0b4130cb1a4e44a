// What the Encode view makes of its signed test token: the token itself, or that token encrypted for a recipient
// (JWE, `encrypt`), or an SD-JWT of the same payload with the chosen claims selectively disclosable (`signSdJwt`), or
// a DPoP proof for an access token, a method and a URL (`dpopProof`, signed with the same key). Every call runs in
// the page; the recipient's key is a public key (or a shared secret) and stays in its box.
import { h } from './dom.js';

const MODES = [
  ['jws', 'A signed JWT'],
  ['jwe', 'The signed JWT, encrypted for a recipient (JWE)'],
  ['sdJwt', 'An SD-JWT: chosen claims selectively disclosable'],
  ['dpop', 'A DPoP proof for an access token'],
];
const ENCS = ['A256GCM', 'A192GCM', 'A128GCM', 'A256CBC-HS512', 'A192CBC-HS384', 'A128CBC-HS256'];
const NO_SPELL = { spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' };

export class Wrapper {
  constructor() {
    const f = (this.f = {});
    f.mode = h('select', { id: 'encode-output' }, MODES.map(([v, t]) => h('option', { value: v, text: t })));
    f.recipient = h('textarea', { id: 'encode-recipient', class: 'mono', rows: 3, ...NO_SPELL, placeholder: 'The recipient\'s public key (PEM or JWK), or a shared secret' });
    f.enc = h('select', { id: 'encode-enc' }, ENCS.map((e) => h('option', { value: e, text: e })));
    f.disclose = h('input', { id: 'encode-disclose', type: 'text', ...NO_SPELL, placeholder: 'name email' });
    f.accessToken = h('textarea', { id: 'encode-dpop-token', class: 'mono', rows: 2, ...NO_SPELL, placeholder: 'eyJ… (the access token the proof is sent with; empty: a token request)' });
    f.method = h('input', { id: 'encode-dpop-method', type: 'text', ...NO_SPELL, value: 'GET' });
    f.url = h('input', { id: 'encode-dpop-url', type: 'text', ...NO_SPELL, placeholder: 'https://api.example.com/resource' });
    const field = (id, label, el, hint) => h('div', {}, h('label', { for: id, text: label }), el, hint ? h('span', { class: 'hint', text: hint }) : null);
    this.boxes = {
      jwe: h('div', { class: 'grid', 'data-mode': 'jwe', hidden: true },
        field('encode-recipient', 'Recipient key', f.recipient, 'Its alg follows from the key: RSA-OAEP-256, ECDH-ES, A*KW or PBES2.'),
        field('encode-enc', 'Content encryption (enc)', f.enc)),
      sdJwt: h('div', { class: 'grid', 'data-mode': 'sdJwt', hidden: true },
        field('encode-disclose', 'Selectively disclosable claims', f.disclose, 'Top-level claim names, space-separated; each gets a disclosure with a random salt.')),
      dpop: h('div', { class: 'grid', 'data-mode': 'dpop', hidden: true },
        field('encode-dpop-token', 'Access token', f.accessToken), field('encode-dpop-method', 'Method (htm)', f.method),
        field('encode-dpop-url', 'URL (htu)', f.url, 'The proof is signed with the key above; the payload editor is not used.')),
    };
    this.section = h('fieldset', { class: 'wrap' }, h('legend', { text: 'Output' }),
      h('label', { for: 'encode-output', text: 'Make' }), f.mode, Object.values(this.boxes));
  }

  get mode() {
    return this.f.mode.value;
  }

  show() {
    for (const [mode, box] of Object.entries(this.boxes)) box.hidden = mode !== this.mode;
  }

  /**
   * The output for `mode` from the signed token `signed` (a `sign` result), with the API and the editors' inputs
   * `{ payload, key, secretEncoding, now }`: `{ token, findings, what }`, or null for the signed JWT itself.
   */
  make(api, signed, { payload, key, secretEncoding, now }) {
    const f = this.f;
    if (this.mode === 'jwe') {
      if (!signed.token) return null;
      if (!f.recipient.value.trim()) return { token: null, findings: [], what: 'Give the recipient\'s key to encrypt for.' };
      // The plaintext is always the signed JWT: cty says so (RFC 7519 §5.2), whatever the header's spacing (the core
      // guesses a token only from a compact header starting `eyJ`, and the editor's default header has a line break).
      const r = api.encrypt(signed.token, f.recipient.value, { enc: f.enc.value, cty: 'JWT', secretEncoding });
      return { token: r.token, findings: r.findings, what: r.token ? `Encrypted with ${r.alg} and ${r.enc}.` : 'Not encrypted: the findings say why.' };
    }
    if (this.mode === 'sdJwt') {
      const disclose = f.disclose.value.split(/[\s,]+/).filter(Boolean);
      const r = api.signSdJwt(payload, key, { disclose, now, sign: { secretEncoding } });
      return { token: r.token, findings: r.findings, what: r.token ? `An SD-JWT with ${r.disclosures.length} disclosure(s).` : 'No SD-JWT: the findings say why.' };
    }
    if (this.mode === 'dpop') {
      const options = { method: f.method.value.trim(), url: f.url.value.trim(), now };
      if (f.accessToken.value.trim()) options.accessToken = f.accessToken.value.trim();
      const r = api.dpopProof(key, options);
      return { token: r.token, findings: r.findings, what: r.token ? `A DPoP proof for ${options.method} ${options.url}.` : 'No proof: the findings say why.' };
    }
    return null;
  }
}
