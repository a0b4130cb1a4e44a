// Entry point without top-level await, for environments that lack it (older bundler targets, some test runners):
//   import { init, inspect } from 'jwtlens/init';
//   await init();            // once; later calls return the same promise
//   inspect(token);
// Calling the API before init() has resolved throws a JwtlensError with code ERR_NOT_INITIALISED.
import initWasm, * as wasm from '../dist/wasm/jwtlens.js';
import { api, JwtlensError } from './core.js';

let loading = null;
let impl = null;

/** Loads the module once and resolves to the API object (used by browser.js). */
export function load(source) {
  loading ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then(() => {
    impl = api(wasm);
    return impl;
  });
  return loading;
}

/**
 * Loads and instantiates the WebAssembly module. By default the glue fetches the `.wasm` next to it; pass a URL,
 * `Response`, `ArrayBuffer` or `WebAssembly.Module` to load it from elsewhere. Memoised.
 */
export function init(source) {
  return load(source).then(() => undefined);
}

function loaded() {
  if (impl === null) throw new JwtlensError('ERR_NOT_INITIALISED', 'jwtlens is not initialised yet: call `await init()` first (or import "jwtlens", which waits for you)');
  return impl;
}

export const inspect = (input, options) => loaded().inspect(input, options);
export const verify = (input, keys, options) => loaded().verify(input, keys, options);
export const parseKeys = (text, options) => loaded().parseKeys(text, options);
export const sign = (payload, key, options) => loaded().sign(payload, key, options);
export const encrypt = (plaintext, key, options) => loaded().encrypt(plaintext, key, options);
export const signSdJwt = (payload, key, options, holderKey) => loaded().signSdJwt(payload, key, options, holderKey);
export const dpopProof = (key, options) => loaded().dpopProof(key, options);
export const generateKey = (alg) => loaded().generateKey(alg);
export const describeClaim = (name, options) => loaded().describeClaim(name, options);
export const describeClaims = (names, options) => loaded().describeClaims(names, options);
export const fetchIssuerKeys = (source, options) => loaded().fetchIssuerKeys(source, options);
export const planIssuerKeys = (source, options) => loaded().planIssuerKeys(source, options);
export const createVerifier = (options) => loaded().createVerifier(options);
export const codes = () => loaded().codes();
export { JwtlensError };
