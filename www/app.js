// The page: paste → inspect → render. It imports the package's browser entry, like any app would. All output is
// written with textContent, never as HTML, so a token cannot inject markup. Nothing is stored or sent.
import { inspect } from '/js/browser.js';

const input = document.getElementById('input');
const status = document.getElementById('status');
const findingsEl = document.getElementById('findings');
const tokensEl = document.getElementById('tokens');

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function pretty(decoded) {
  if (!decoded) return '(not readable)';
  if (decoded.value !== null) return JSON.stringify(decoded.value, null, 2);
  return decoded.text ?? `hex: ${decoded.hex}`;
}

function render() {
  const result = inspect(input.value);
  findingsEl.replaceChildren(
    ...result.findings.map((f) =>
      el('div', { className: `finding ${f.severity}` },
        el('code', { textContent: f.code }), ' ', f.message,
        ...(f.fix ? [el('p', { className: 'fix', textContent: `Fix: ${f.fix}` })] : []))),
  );
  tokensEl.replaceChildren(
    ...result.tokens.map((t, i) =>
      el('article', { className: 'token' },
        el('h2', { textContent: `${t.label ?? `Token ${i + 1}`}: ${t.kind}` }),
        el('h3', { textContent: 'Header' }), el('pre', { className: 'header', textContent: pretty(t.header) }),
        el('h3', { textContent: 'Payload' }), el('pre', { className: 'payload', textContent: pretty(t.payload) }),
        ...(t.inner ? [el('h3', { textContent: 'Inner token payload' }), el('pre', { textContent: pretty(t.inner.payload) })] : []),
        el('p', { textContent: 'The signature is not checked by decoding.' }))),
  );
  status.textContent = input.value.trim() ? `${result.tokens.length} token(s), ${result.findings.length} finding(s)` : 'Paste a token.';
}

input.addEventListener('input', render);
render();
document.body.dataset.ready = 'true';
