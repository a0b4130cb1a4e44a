// DOM helpers of <jwt-lens>: attributes through setAttribute, text through text nodes; never innerHTML, never a style
// attribute. Everything from a token is written with these.

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function s(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

function setProps(el, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'prose') append(el, prose(v));
    else if (k === 'value') el.value = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

/**
 * The core's messages mark names and values with backticks (`aws.cognito.signin.user.admin`): as text with <code>
 * elements instead (text nodes only; an unpaired backtick stays as written).
 */
export function prose(text) {
  const parts = String(text).split('`');
  if (parts.length < 3 || parts.length % 2 === 0) return [String(text)];
  return parts.map((part, i) => (i % 2 ? h('code', { text: part }) : part)).filter((p) => p !== '');
}

/** replaceChildren that skips null/false children (replaceChildren itself would write "null"). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Seconds → the value of a datetime-local input read as UTC, and back. */
export function toLocalInput(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}
export function fromLocalInput(value) {
  const ms = Date.parse(`${value}Z`);
  return Number.isFinite(ms) ? ms / 1000 : null;
}
export const words = (text) => text.split(/[\s,]+/).filter(Boolean);

/** Runs `fn` over `items` in slices, yielding to the browser between them, so long lists never freeze the page. */
export async function inSlices(items, size, fn) {
  for (let i = 0; i < items.length; i += size) {
    items.slice(i, i + size).forEach(fn);
    await yieldToBrowser();
  }
}

export function yieldToBrowser() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
