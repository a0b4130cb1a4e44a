// The sections of a result beyond tokens, findings and verdicts (their views are made in model.js): what the service
// said (`serviceErrors`), a DPoP proof's checks (`dpop`), an SD-JWT's disclosures and a JWE's decryption on a token
// card.
import { h, prose } from './dom.js';

const AGREEMENT_WORDS = { confirmed: 'The token confirms it', contradicted: 'The token contradicts it', unknown: 'Nothing to compare' };

/** "What your server said": each message recognised, its meaning, fix and the agreement in one line. */
export function serviceErrorsSection(section, list) {
  section.hidden = list.length === 0;
  section.replaceChildren();
  if (!list.length) return;
  section.append(h('h2', { id: 'service-errors-title', text: 'What your server said' }),
    h('ol', { class: 'service-errors' }, list.map((e) => h('li', { class: `service-error ${e.agreement}`, 'data-agreement': e.agreement, 'data-code': e.code ?? '' },
      h('p', {}, h('strong', { class: 'source', text: [e.source, ...e.alsoFrom].join(' or ') }), e.code ? h('code', { text: ` ${e.code}` }) : null),
      h('p', { class: 'quote mono', text: e.text }),
      h('p', { class: 'agreement' }, h('span', { class: 'badge', 'data-agreement': e.agreement, text: AGREEMENT_WORDS[e.agreement] ?? e.agreement }), ' ', prose(e.agreementDetail)),
      h('p', { class: 'meaning', prose: e.meaning }),
      e.fix ? h('p', { class: 'fix', prose: e.fix }) : null))));
}

/** A DPoP proof's checks as the same rule list the targets use. */
export function dpopSection(section, d, label) {
  section.hidden = !d;
  section.replaceChildren();
  if (!d) return;
  const failing = d.checks.filter((c) => c.outcome === 'fail').length;
  // A proof taken from a `DPoP` header is labelled "DPoP proof" already: not repeated in brackets.
  const proof = label(d.proof);
  const title = `DPoP proof${/^dpop proof$/i.test(proof) ? '' : ` (${proof})`}${d.accessToken === null ? '' : ` for ${label(d.accessToken)}`}`;
  section.append(h('h2', { id: 'dpop-title', text: title }),
    h('p', { class: 'summary', text: failing ? `${failing} of ${d.checks.length} checks fail: the server refuses this proof.` : 'No check fails.' }),
    h('ol', { class: 'rules', 'aria-label': 'DPoP checks, in the order of RFC 9449 §4.3' }, d.checks.map((c) =>
      h('li', { class: `rule ${c.outcome}`, 'data-rule': c.rule, 'data-outcome': c.outcome },
        h('p', {}, h('span', { class: 'badge', text: c.outcome }), h('strong', { text: c.rule })),
        h('p', { class: 'detail', prose: c.detail }),
        c.code ? h('p', { class: 'meta' }, 'Finding ', h('code', { text: c.code })) : null))));
}

/** The disclosures table and the decryption line of a token card. */
export function tokenExtrasBlock(x) {
  if (!x) return null;
  const out = [];
  if (x.decryption) {
    const d = x.decryption;
    const how = [d.alg, d.enc, d.kid ? `kid ${d.kid}` : null].filter(Boolean).join(', ');
    out.push(h('p', { class: `meta decryption ${d.status}`, 'data-status': d.status },
      d.status === 'decrypted' ? `Decrypted (${how})${d.inner !== null ? `: the token inside is token ${d.inner + 1}.` : '.'}`
        : d.status === 'noKey' ? 'Encrypted (JWE): give the recipient\'s private key or the shared secret under "Verify the signature and decrypt" to read it. The key stays in this page.'
          : `Not decrypted (${d.status}${how ? `, ${how}` : ''}): the findings say why.`));
    if (d.status === 'decrypted' && d.text !== null && d.inner === null) out.push(h('pre', { class: 'json plaintext', tabindex: 0, text: d.text }));
  }
  if (x.disclosures) {
    out.push(h('div', {}, h('h4', { text: `Disclosures (${x.disclosures.length})` }),
      h('table', { class: 'disclosures' },
        h('thead', {}, h('tr', {}, ['Claim', 'Value', 'Status'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, x.disclosures.map((d) => h('tr', { 'data-status': d.status },
          h('td', { class: 'mono', text: d.name }), h('td', { class: 'mono', text: d.value }), h('td', { text: d.status })))))));
  }
  return out.length ? out : null;
}
