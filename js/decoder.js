// The decoder-only module (dist/wasm/jwtlens-decoder_bg.wasm, about a third of the full one): `inspect` without keys,
// `describeClaim` and `planIssuerKeys`. The <jwt-lens> element loads it first so that a paste is decoded
// and diagnosed while the full module (keys, verification, signing) is still on its way. Not a package entry point.
import initDecoder, * as wasm from '../dist/wasm/jwtlens-decoder.js';
import { api } from './core.js';

let loading = null;

/** Loads the decoder-only module once and resolves to its API object (the full API's shape, decoding only). */
export function loadDecoder(source) {
  loading ??= initDecoder(source === undefined ? undefined : { module_or_path: source }).then(() => api(wasm));
  return loading;
}
