// The page: form → inspect (and verify, when a key is given) → render. It imports the package's browser entry like
// any app would. All output is written as text (textContent), never as HTML, so a token cannot inject markup.
// Nothing is stored, nothing is put in the URL, nothing is sent.
import * as jwtlens from '/js/browser.js';

const $ = (id) => document.getElementById(id);
const words = (s) => s.split(/\s+/).filter(Boolean);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function table(headings, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { textContent: h })))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => (c instanceof Node ? el('td', {}, c) : el('td', { textContent: c ?? '' })))))));
}

function pretty(decoded) {
  if (!decoded) return '(not readable)';
  if (decoded.value !== null) return JSON.stringify(decoded.value, null, 2);
  return decoded.text ?? `hex: ${decoded.hex}`;
}

function nowSeconds() {
  const value = $('now').value;
  return value ? Date.parse(`${value}Z`) / 1000 : Date.now() / 1000;
}

/** The options object from the form: only fields the user filled in. */
function options() {
  const opts = { now: nowSeconds(), clockSkew: Number($('skew').value) || 0 };
  const expect = {};
  const issuer = $('issuer').value.trim();
  if (/^[\w-]+_[0-9a-zA-Z]+$/.test(issuer)) expect.userPoolId = issuer;
  else if (issuer) expect.issuer = issuer;
  if ($('client-id').value.trim()) expect.clientId = $('client-id').value.trim();
  if ($('token-use').value) expect.tokenUse = $('token-use').value;
  if (Object.keys(expect).length) opts.expect = expect;
  const kind = $('target').value;
  if (kind === 'cognitoApi') opts.target = { kind, operation: $('operation').value.trim() };
  if (kind === 'apiGatewayRest') {
    opts.target = { kind, providerArns: words($('rest-arns').value), scopes: words($('rest-scopes').value) };
    if ($('rest-regex').value) opts.target.identityValidationExpression = $('rest-regex').value;
    if ($('rest-header').value) opts.target.headerValue = $('rest-header').value;
  }
  if (kind === 'apiGatewayHttp') {
    opts.target = { kind, issuer: $('http-issuer').value.trim(), audiences: words($('http-audiences').value), scopes: words($('http-scopes').value) };
  }
  if (kind === 'oidc') opts.target = { kind, issuer: $('oidc-issuer').value.trim(), clientId: $('oidc-client').value.trim() };
  if ($('keys').value.trim()) {
    opts.keys = $('keys').value;
    opts.secretEncoding = $('secret-encoding').value;
  }
  return opts;
}

function renderFindings(findings) {
  return findings.map((f) =>
    el('div', { className: `finding ${f.severity}` },
      el('code', { textContent: f.code }), ' ', f.message,
      f.fix ? el('p', { className: 'fix', textContent: `Fix: ${f.fix}` }) : null));
}

function renderVerdict(verdict) {
  if (!verdict) return [];
  return [
    el('h2', { textContent: 'Verdict' }),
    el('p', {}, el('span', { className: `decision ${verdict.decision}`, textContent: verdict.decision.toUpperCase() }), ' ', verdict.summary),
    table(['rule', 'outcome', 'why'], verdict.rules.map((r) => [r.description, el('span', { className: r.outcome, textContent: r.outcome }), r.detail])),
  ];
}

function renderCatalogue(diagnosis) {
  if (!diagnosis || diagnosis.catalogue.length === 0) return null;
  return table(['name', 'defined by', 'meaning', 'time'], diagnosis.catalogue.map((c) =>
    [`${c.inner ? 'inner ' : ''}${c.part === 'header' ? 'header ' : ''}${c.name}`, ...Object.values(jwtlens.describeClaim(c.name, { part: c.part, provider: diagnosis.provider.id })).map((v) => v ?? ''), c.time ? `${c.time.iso}${c.time.relative ? ` (${c.time.relative})` : ''}` : '']));
}

function render() {
  const input = $('input').value;
  const opts = options();
  let result;
  try {
    result = jwtlens.inspect(input, opts);
  } catch (e) {
    $('status').textContent = `Options: ${e.message}`;
    return;
  }
  const diagnoses = result.diagnoses ?? [];
  $('verdict').replaceChildren(...renderVerdict(result.verdict));
  $('findings').replaceChildren(...renderFindings(result.findings));
  $('tokens').replaceChildren(...result.tokens.map((t, i) => {
    const d = diagnoses.find((x) => x.token === i);
    return el('article', { className: 'token' },
      el('h2', { textContent: `${t.label ?? `Token ${i + 1}`}: ${t.kind}${d ? ` — ${d.provider.name}, ${d.tokenUse === 'unknown' ? 'type unknown' : `${d.tokenUse} token`}` : ''}` }),
      el('h3', { textContent: 'Header' }), el('pre', { className: 'header', textContent: pretty(t.header) }),
      el('h3', { textContent: 'Payload' }), el('pre', { className: 'payload', textContent: pretty(t.payload) }),
      t.inner ? el('h3', { textContent: 'Inner token payload' }) : null,
      t.inner ? el('pre', { textContent: pretty(t.inner.payload) }) : null,
      el('h3', { textContent: 'Claims explained' }), renderCatalogue(d));
  }));
  renderVerifications(result, Boolean(opts.keys));
  $('status').textContent = input.trim() ? `${result.tokens.length} token(s), ${result.findings.length} finding(s)` : 'Paste a token.';
}

/** Verification needs a key; decoding alone never says whether the signature is good. */
function renderVerifications(result, keysGiven) {
  if (!keysGiven) {
    $('verification').replaceChildren(el('p', { textContent: 'Signature: not checked. Paste a key under "Verify the signature".' }));
    return;
  }
  const sections = result.verifications.map((v) => {
    const token = result.tokens[v.token];
    const keyRows = (result.keys?.keys ?? []).map((k) => {
      const attempt = v.attempts.find((a) => a.key === k.index);
      return [String(k.index + 1), k.format, [k.kty, k.crv ?? (k.bits ? `${k.bits} bits` : '')].filter(Boolean).join(' '), k.kid ?? '', k.alg ?? '', k.use ?? '',
        k.thumbprint ?? '', attempt ? el('span', { className: attempt.outcome === 'matched' ? 'pass' : 'fail', textContent: attempt.reason }) : ''];
    });
    return el('div', {},
      el('h2', { textContent: `Signature${result.tokens.length > 1 ? ` of ${token?.label ?? `token ${v.token + 1}`}` : ''}` }),
      el('p', { className: `decision ${v.valid ? 'valid' : 'invalid'}`, textContent: v.valid ? `Valid (${v.algorithm}, key ${v.matchedKey.index + 1}${v.matchedKey.kid ? `, kid ${v.matchedKey.kid}` : ''})` : 'Not verified' }),
      table(['#', 'format', 'type', 'kid', 'alg', 'use', 'thumbprint', 'this token'], keyRows),
      ...renderFindings([...(result.keys?.findings ?? []), ...v.findings]));
  });
  $('verification').replaceChildren(...(sections.length ? sections : [el('p', { textContent: 'No signed token to verify.' })]));
}

function showTarget() {
  for (const box of document.querySelectorAll('.target')) box.hidden = box.dataset.target !== $('target').value;
}

$('form').addEventListener('input', () => { showTarget(); render(); });
$('form').addEventListener('submit', (e) => e.preventDefault());
showTarget();
render();
document.body.dataset.ready = 'true';
