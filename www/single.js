// Entry of the single-file build (dist/jwtlens.html, made by scripts/build-page.mjs): the same page, but the
// WebAssembly module and the Worker's code travel inside the HTML as base64 data blocks (never executed as script),
// so the file works opened from disk with no network at all (`connect-src 'none'`). A module Worker cannot start
// from a blob: URL on a file:// page, so the Worker is a classic script here.
import { configure } from '../js/element/index.js';
import { start } from './shell.js';

function bytes(id) {
  const text = document.getElementById(id).textContent.trim();
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const workerCode = new Blob([bytes('jwtlens-worker')], { type: 'text/javascript' });
configure({
  wasm: bytes('jwtlens-wasm'),
  // One file holds one module: the full one, inline (nothing to wait for over a network).
  decoder: false,
  worker: () => new Worker(URL.createObjectURL(workerCode)),
  // Its policy is connect-src 'none': the key box names the issuer's key URL instead of offering to fetch it.
  offline: true,
});
start();
